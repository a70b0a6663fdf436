import { parseStackId } from "../rollout/resolved";
import type { ChangeSet } from "./change-set";
import type { FailedStack, RemovedStack, ReviewReport } from "../review/report";
import { highestRisk } from "../review/risk";

/**
 * Why a removed stack is high risk, and the safe path: Terraform destroys nothing for a stack
 * nobody plans, and destroy-time hooks never run for what the config no longer holds.
 */
export const REMOVED_STACK_REASON =
  "the config no longer names this stack, so nothing plans or destroys it: its role, each instance's onboarding and its campaigns stay in AWS, " +
  "and its state still holds them (deleting the state or the folder orphans them; a destroy from another config skips the cleanup hooks). " +
  'Safe removal: keep the target in the config with "retired": true, apply it (the destroy hooks back up and delete the campaigns, offboard each instance, then delete the role), ' +
  "and drop it from the config once that apply has succeeded.";

export interface ChangeSetOutcome {
  /** The base config as the user named it; null without one. */
  readonly base: string | null;
  /** The base names a config file its git ref does not have: every stack is new. @default false */
  readonly baseMissing?: boolean;
  readonly changes: ChangeSet;
  /** Stacks whose plan failed, with why. */
  readonly failed: readonly { readonly stack: string; readonly dir: string; readonly error: string }[];
}

/**
 * Adds what `plan-review` knows beyond the plans to their review: each planned stack's status and
 * change, the unchanged stacks not planned (counted; `--all` plans them too), the removed and the failed ones, both
 * high risk so that `--fail-on` counts them: a gate never passes on a plan that is missing.
 */
export function withChangeSet(report: ReviewReport, outcome: ChangeSetOutcome): ReviewReport {
  const ids = [...outcome.changes.stacks.entries()];
  const attempted = new Set([...report.stacks.map((s) => s.stack), ...outcome.failed.map((f) => f.stack)]);
  const unchanged = ids.filter(([id, change]) => change === "unchanged" && !attempted.has(id)).map(([id]) => id);
  const removed: RemovedStack[] = ids
    .filter(([, change]) => change === "removed")
    .map(([stack]) => ({ stack, ...(parseStackId(stack) ?? { account: null, region: null }), status: "removed", risk: "high", reason: REMOVED_STACK_REASON }));
  const failed: FailedStack[] = outcome.failed.map((f) => ({ stack: f.stack, status: "failed", risk: "high", dir: f.dir, error: f.error }));
  const withBase = outcome.base !== null;
  const stacks = report.stacks.map((review) => {
    const change = outcome.changes.stacks.get(review.stack);
    return { ...review, status: "planned" as const, ...(withBase && change !== undefined && change !== "removed" ? { change } : {}) };
  });
  return {
    ...report,
    risk: highestRisk([report.risk, ...removed.map((r) => r.risk), ...failed.map((f) => f.risk)]),
    stacks,
    base: outcome.base,
    ...(outcome.baseMissing ? { baseMissing: true as const } : {}),
    unchanged,
    removed,
    failed,
  };
}
