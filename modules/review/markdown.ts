import type { ChangeKind } from "./change-kind";
import type { LiveCleanup, ReviewedChange, ReviewReport, StackReview } from "./report";
import { RISK_MEANING, RISKS, type RiskOrNone } from "./risk";
import type { ReviewDriftCheck } from "./drift-check";
import type { DriftError, DriftFinding } from "../drift/findings";

/** The review as a pull-request comment. */

const BADGE: Readonly<Record<RiskOrNone, string>> = { high: "🔴 high", medium: "🟠 medium", low: "🟢 low", none: "—" };
const TABLE_KINDS: readonly ChangeKind[] = ["create", "update", "replace", "delete", "no-op"];

/** A table cell: pipes escaped (GitHub splits cells on them, even inside code spans), one line. */
export const cell = (text: string): string => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");

/** A code span that survives backticks in its text. */
export const code = (text: string): string => (text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``);

const row = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;

export function renderMarkdown(report: ReviewReport): string {
  const lines = ["## Terraform plan review", ""];
  const removed = report.removed ?? [];
  const failed = report.failed ?? [];
  if (report.base !== undefined) lines.push(changeSetLine(report), "", ...unchangedList(report));
  if (removed.length === 0 && failed.length === 0 && report.stacks.every((s) => s.findings.length === 0 && s.changes.length === 0 && s.drift.length === 0 && s.outputs.length === 0)) {
    lines.push(`Nothing to review: ${plural(report.stacks.length, "stack")} planned, no changes.`, "");
  }
  const dashes = TABLE_KINDS.map(() => "—");
  const rows = [
    ...report.stacks.map((s) => row([code(s.stack), s.account ?? "?", s.region ?? "?", ...TABLE_KINDS.map((k) => String(s.counts[k])), BADGE[s.risk]])),
    ...removed.map((r) => row([`${code(r.stack)} (removed)`, r.account ?? "?", r.region ?? "?", ...dashes, BADGE[r.risk]])),
    ...failed.map((f) => row([`${code(f.stack)} (plan failed)`, "?", "?", ...dashes, BADGE[f.risk]])),
  ];
  // A review of unchanged stacks only has no table: the line above says it all.
  if (rows.length > 0 || report.base === undefined) {
    lines.push(row(["Stack", "Account", "Region", ...TABLE_KINDS.map(title), "Risk"]), row(["---", "---", "---", ...TABLE_KINDS.map(() => "---:"), "---"]), ...rows, "");
  }
  lines.push(`Risk: ${RISKS.map((r) => `**${r}** ${RISK_MEANING[r]}`).join(" · ")}.`);
  for (const r of removed) lines.push("", `### ${code(r.stack)}${r.account ? ` (${r.account}, ${r.region})` : ""}: removed, ${BADGE[r.risk]}`, "", r.reason);
  for (const f of failed) lines.push("", `### ${code(f.stack)}: plan failed, ${BADGE[f.risk]}`, "", `${f.error} (whole output: ${code(`${f.dir}/plan.log`)})`);
  if (report.driftCheck) lines.push("", ...renderDriftCheck(report.driftCheck));
  for (const stack of report.stacks) lines.push("", ...renderStack(stack));
  return `${lines.join("\n")}\n`;
}

/** The live check of `plan-review --all`: findings and stacks not checked first, then the count in sync. */
function renderDriftCheck(drift: ReviewDriftCheck): string[] {
  const head = `### Drift check (what the plans cannot see): ${drift.inSync} of ${plural(drift.targets, "stack")} in sync`;
  if (drift.findings.length === 0 && drift.errors.length === 0) return [head];
  return [head, "", ...driftTable(drift.findings, drift.errors, (item) => BADGE[item.risk])];
}

/**
 * The table of drift findings, then of the stacks that could not be checked (the `drift`
 * command's and the review's); with `badge`, a Risk column first.
 */
export function driftTable<F extends DriftFinding, E extends DriftError>(findings: readonly F[], errors: readonly E[], badge?: (item: F | E) => string): string[] {
  const risk = (item: F | E) => (badge ? [badge(item)] : []);
  return [
    row([...(badge ? ["Risk"] : []), "Stack", "Kind", "Instance", "Finding", "Fix"]),
    row([...(badge ? ["---"] : []), "---", "---", "---", "---", "---"]),
    ...findings.map((f) => row([...risk(f), code(f.stack), f.kind, f.instance ? code(f.instance) : "—", f.message, f.fix ? code(f.fix) : "—"])),
    ...errors.map((e) => row([...risk(e), code(e.stack), e.wrongAccount ? "wrong account" : "not checked", "—", e.message, "—"])),
  ];
}

/** "Compared with `base.json`: 1 planned (1 changed), 98 unchanged, not planned, 1 removed." */
function changeSetLine(report: ReviewReport): string {
  const byChange = (change: string) => report.stacks.filter((s) => s.change === change).length;
  const kinds = (["new", "changed", "unchanged"] as const).map((c) => [c, byChange(c)] as const).filter(([, n]) => n > 0);
  const planned = `${report.stacks.length} planned${kinds.length > 0 ? ` (${kinds.map(([c, n]) => `${n} ${c}`).join(", ")})` : ""}`;
  const parts = [planned, `${report.unchanged?.length ?? 0} unchanged, not planned`, `${report.removed?.length ?? 0} removed`];
  if ((report.failed?.length ?? 0) > 0) parts.push(`${report.failed?.length} failed to plan`);
  const against =
    report.base === null
      ? "No base config to compare with: every stack planned"
      : report.baseMissing
        ? `Compared with ${code(report.base ?? "")}, which does not exist (the config is new): every stack is new`
        : `Compared with ${code(report.base ?? "")}`;
  return `${against}: ${parts.join(", ")}.`;
}

/** The unchanged stacks by name, folded: a PR that changes 1 stack of 2000 still reads short. */
function unchangedList(report: ReviewReport): string[] {
  const unchanged = report.unchanged ?? [];
  if (unchanged.length === 0) return [];
  return [`<details><summary>${plural(unchanged.length, "unchanged stack")}, not planned</summary>`, "", ...unchanged.map((id) => `- ${code(id)}`), "", "</details>", ""];
}

function renderStack(stack: StackReview): string[] {
  const where = [stack.account, stack.region].filter(Boolean).join(", ");
  const lines = [`### ${code(stack.stack)}${where ? ` (${where})` : ""}: ${BADGE[stack.risk]}`, ""];
  for (const warning of stack.warnings) lines.push(`> **Warning:** ${warning}`, "");
  for (const finding of stack.findings) lines.push(`> ${BADGE[finding.risk]}: ${finding.reason}`, "");
  if (stack.changes.length === 0) lines.push("No changes.");
  else {
    lines.push(row(["Risk", "Action", "Resource", "Why"]), row(["---", "---", "---", "---"]));
    lines.push(...stack.changes.map((c) => row([BADGE[c.risk], action(c), code(c.address), why(c)])));
  }
  if (stack.drift.length > 0) {
    const drift = stack.drift.map((d) => `${code(d.address)} ${d.kind === "delete" ? "deleted" : `changed${d.attributes.length ? ` (${d.attributes.join(", ")})` : ""}`}`);
    lines.push("", `**Changed outside Terraform** (seen while planning): ${drift.join("; ")}.`);
  }
  if (stack.outputs.length > 0) {
    // Names only: output values are mostly "(known after apply)" in a plan; the JSON has them.
    const kinds = [...new Set(stack.outputs.map((o) => o.kind))];
    const byKind = kinds.map((kind) => `${kind} ${stack.outputs.filter((o) => o.kind === kind).map((o) => code(o.name)).join(", ")}`);
    lines.push("", `**Outputs:** ${byKind.join("; ")}.`);
  }
  for (const live of stack.live ?? []) lines.push("", ...renderLive(live));
  return lines;
}

/** The kind of change, with "import" in front when the change also imports the object. */
function action(change: ReviewedChange): string {
  if (change.importing === undefined) return change.kind;
  return change.kind === "no-op" ? "import" : `import, ${change.kind}`;
}

function why(change: ReviewedChange): string {
  const reasons = change.findings.map((f) => f.reason).join("; ");
  const attributes = change.attributes.map((a) => `${a.name}: ${code(a.before)} → ${code(a.after)}`);
  return attributes.length > 0 ? `${reasons} (${attributes.join(", ")})` : reasons;
}

function renderLive(live: LiveCleanup): string[] {
  const what = live.armed ? `hook ${code(live.address)} arms campaign deletion` : `destroy hook ${code(live.address)}, deletion ${live.allowCampaignDeletion ? "allowed" : "not allowed"}`;
  const head = `**Now on instance ${code(live.instance)}** (${what}):`;
  if (live.error !== undefined) return [`${head} could not list campaigns: ${live.error}`];
  if (!live.campaigns || live.campaigns.length === 0) return [`${head} no campaigns.`];
  return [`${head} ${plural(live.campaigns.length, "campaign")}`, "", ...live.campaigns.map((c) => `- ${code(c.name)} (${code(c.id)}, ${c.state})`)];
}

const title = (kind: ChangeKind) => kind.charAt(0).toUpperCase() + kind.slice(1);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
