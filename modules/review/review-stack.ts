import { CHANGE_KINDS, changeKind, type ChangeKind } from "./change-kind";
import type { PlanDocument, PlanResourceChange } from "./plan-json";
import type { DriftEntry, Finding, OutputEntry, ReviewedChange, StackReview } from "./report";
import { highestRisk, riskRank } from "./risk";
import { RISK_RULES } from "./rules";
import { stackIdentity } from "./stack-identity";
import { ABSENT, changedAttributes, renderShown, shownAt } from "./values";
import { RETIRED_RESOURCES_OUTPUT } from "../hook-contract";

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
  return {
    source,
    ...stackIdentity(plan, dirName, source),
    terraformVersion: plan.terraform_version ?? null,
    formatVersion: plan.format_version,
    counts,
    risk: highestRisk(changes.map((c) => c.risk)),
    changes,
    drift: (plan.resource_drift ?? []).flatMap(reviewDrift),
    outputs: reviewOutputs(plan),
    warnings: plan.errored ? ["Terraform reported errors while planning: this plan is incomplete and cannot be applied."] : [],
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

function reviewOutputs(plan: PlanDocument): OutputEntry[] {
  return Object.entries(plan.output_changes ?? {})
    .map(([name, change]) => {
      const kind = changeKind(change.actions);
      return {
        name,
        kind,
        before: kind === "create" ? ABSENT : renderShown(shownAt(change, "before", [])),
        after: kind === "delete" ? ABSENT : renderShown(shownAt(change, "after", [])),
      };
    })
    .filter((output) => output.kind !== "no-op")
    .sort((a, b) => a.name.localeCompare(b.name));
}
