import { liveCleanups } from "./live";
import { loadPlan } from "./plan-source";
import type { LiveCleanup, ReviewReport, StackReview } from "./report";
import { campaignDeletionArmed } from "./rules/campaign-deletion-armed";
import { reviewStack } from "./review-stack";
import { highestRisk } from "./risk";

export interface ReviewOptions {
  /** List the campaigns each destroy hook would find now (calls AWS). @default false */
  readonly live?: boolean;
}

/** Reviews the plans of one or many stacks (JSON plan files or stack directories). */
export async function reviewPlans(sources: readonly string[], options: ReviewOptions = {}): Promise<ReviewReport> {
  const stacks: StackReview[] = [];
  for (const source of sources) {
    const loaded = await loadPlan(source);
    const review = reviewStack(loaded);
    stacks.push(options.live ? withLive(review, await liveCleanups(loaded.plan, loaded.stackDir)) : review);
  }
  return { version: 1, risk: highestRisk(stacks.map((s) => s.risk)), stacks };
}

/** The live listing added, and each armed hook's finding saying how many campaigns it arms the deletion of now. */
function withLive(review: StackReview, live: readonly LiveCleanup[]): StackReview {
  const now = (address: string): string => {
    const entry = live.find((l) => l.address === address && l.armed);
    if (!entry) return "";
    return entry.campaigns ? `; ${entry.campaigns.length} campaign${entry.campaigns.length === 1 ? "" : "s"} now` : `; could not list its campaigns now (${entry.error ?? "unknown error"})`;
  };
  const changes = review.changes.map((change) => ({
    ...change,
    findings: change.findings.map((f) => (f.rule === campaignDeletionArmed.id ? { ...f, reason: `${f.reason}${now(change.address)}` } : f)),
  }));
  return { ...review, changes, live };
}
