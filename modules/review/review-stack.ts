import { CHANGE_KINDS, changeKind, type ChangeKind } from "./change-kind";
import type { PlanDocument, PlanResourceChange } from "./plan-json";
import type { DriftEntry, Finding, OutputEntry, ReviewedChange, StackReview } from "./report";
import { highestRisk, riskRank } from "./risk";
import { PLAN_RULES, RISK_RULES } from "./rules";
import { stackIdentity } from "./stack-identity";
import { ABSENT, changedAttributes, renderShown, shownAt } from "./values";
import { RETIRED_RESOURCES_OUTPUT } from "../hooks/contract";

export interface StackSource {
  readonly source: string;
  readonly dirName: string;
  readonly plan: PlanDocument;
  /** With `--live`: what the account guard would refuse the role's deletion for (see RuleSubject). @default - not asked */
  readonly roleBlockedBy?: readonly string[];
}

/** Reviews one stack's plan: counts, each change with its risk and reasons, drift and outputs. */
export function reviewStack({ source, dirName, plan, roleBlockedBy }: StackSource): StackReview {
  const resources = plan.resource_changes ?? [];
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  for (const resource of resources) counts[changeKind(resource.change.actions)]++;
  const retired = retiredAddresses(plan);
  const changes = resources
    .map((resource) => reviewChange(resource, retired, roleBlockedBy))
    .filter((change) => change.kind !== "no-op" || change.importing !== undefined || change.movedFrom !== undefined)
    .sort((a, b) => riskRank(b.risk) - riskRank(a.risk) || a.address.localeCompare(b.address));
  const findings: Finding[] = PLAN_RULES.flatMap((rule) => {
    const reason = rule.check(plan);
    return reason === undefined ? [] : [{ rule: rule.id, risk: rule.risk, reason }];
  });
  return {
    source,
    ...stackIdentity(plan, dirName, source),
    terraformVersion: plan.terraform_version ?? null,
    formatVersion: plan.format_version,
    counts,
    risk: highestRisk([...findings, ...changes].map((c) => c.risk)),
    findings,
    changes,
    drift: (plan.resource_drift ?? []).flatMap(reviewDrift),
    ...reviewOutputs(plan),
    warnings: [],
  };
}

/** What the stack's `removed` blocks destroy with their hooks (its `retired_resources` output). */
export function retiredAddresses(plan: PlanDocument): ReadonlySet<string> {
  const listed = plan.output_changes?.[RETIRED_RESOURCES_OUTPUT]?.after;
  return new Set(Array.isArray(listed) ? listed.filter((a): a is string => typeof a === "string") : []);
}

function reviewChange(resource: PlanResourceChange, retired: ReadonlySet<string>, roleBlockedBy?: readonly string[]): ReviewedChange {
  const kind = changeKind(resource.change.actions);
  const subject = { resource, kind, retired, roleBlockedBy };
  const fired: Finding[] = RISK_RULES.flatMap((rule) => {
    const reason = rule.check(subject);
    return reason === undefined ? [] : [{ rule: rule.id, risk: rule.risk, reason }];
  });
  const findings = fired.length > 0 ? fired : [{ rule: "change", risk: "low" as const, reason: describeChange(resource, kind) }];
  const importing = resource.change.importing?.id;
  return {
    address: resource.address,
    type: resource.type,
    mode: resource.mode,
    kind,
    actions: resource.change.actions,
    risk: findings[0].risk,
    findings,
    attributes: kind === "update" ? changedAttributes(resource.change) : [],
    ...(importing !== undefined ? { importing } : {}),
    ...(resource.previous_address !== undefined && resource.previous_address !== resource.address ? { movedFrom: resource.previous_address } : {}),
  };
}

/** The reason of a change no rule matched: what Terraform will do, in a few words. */
function describeChange(resource: PlanResourceChange, kind: ChangeKind): string {
  const importing = resource.change.importing ? "imports an existing object" : undefined;
  const moved = resource.previous_address && resource.previous_address !== resource.address ? `moved from ${resource.previous_address}` : undefined;
  const paths = (resource.change.replace_paths ?? []).map((p) => p.join("."));
  const what: Record<ChangeKind, string | undefined> = {
    create: "creates it",
    update: `updates ${changedAttributes(resource.change).map((a) => a.name).join(", ") || "it in place"}`,
    replace: `replaces it${paths.length > 0 ? ` (${paths.join(", ")} forces it)` : ""}`,
    delete: resource.action_reason === "delete_because_no_resource_config" ? "destroys it (removed from the configuration)" : "destroys it",
    read: "reads it during apply",
    forget: "removes it from state without destroying it",
    "no-op": undefined,
  };
  return [what[kind], importing, moved].filter(Boolean).join("; ");
}

function reviewDrift(resource: PlanResourceChange): DriftEntry[] {
  const kind = changeKind(resource.change.actions);
  const attributes = kind === "update" ? changedAttributes(resource.change).map((a) => a.name) : [];
  // Providers often normalize (null → {}); drift with no real difference is noise.
  if (kind === "no-op" || (kind === "update" && attributes.length === 0)) return [];
  return [{ address: resource.address, kind, attributes }];
}

/** The outputs that change, and those only re-read at apply ({@link isOnlyReread}). */
function reviewOutputs(plan: PlanDocument): { outputs: OutputEntry[]; rereadOutputs: string[] } {
  const outputs: OutputEntry[] = [];
  const rereadOutputs: string[] = [];
  for (const [name, change] of Object.entries(plan.output_changes ?? {})) {
    const kind = changeKind(change.actions);
    if (kind === "no-op") continue;
    if (isOnlyReread(plan, name)) {
      rereadOutputs.push(name);
      continue;
    }
    outputs.push({
      name,
      kind,
      before: kind === "create" ? ABSENT : renderShown(shownAt(change, "before", [])),
      after: kind === "delete" ? ABSENT : renderShown(shownAt(change, "after", [])),
    });
  }
  return { outputs: outputs.sort((a, b) => a.name.localeCompare(b.name)), rereadOutputs: rereadOutputs.sort() };
}

/**
 * An output update whose new value is wholly unknown only because every resource its expression
 * reads is a data source that Terraform reads again during apply (it depends on a resource that
 * changes, a role whose tags are updated, say). Nothing says the value changes: what does change
 * is the resource, which the review lists. An output that reads a managed resource, or a plan
 * without its configuration, stays a change.
 */
function isOnlyReread(plan: PlanDocument, name: string): boolean {
  const change = plan.output_changes?.[name];
  if (!change || changeKind(change.actions) !== "update" || change.after_unknown !== true || change.before === undefined) return false;
  const references = plan.configuration?.root_module?.outputs?.[name]?.expression?.references ?? [];
  if (references.length === 0) return false;
  const reread = new Set((plan.resource_changes ?? []).filter((r) => r.mode === "data" && changeKind(r.change.actions) === "read").map((r) => r.address.replace(/\[[^\]]*\]$/, "")));
  return references.every((reference) => {
    const address = /^data\.[^.]+\.[^.[]+/.exec(reference)?.[0];
    return address !== undefined && reread.has(address);
  });
}
