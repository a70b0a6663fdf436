import { liveAccountGuard, liveCleanups } from "./live";
import { loadPlan } from "./plan-source";
import type { ReviewReport, StackReview } from "./report";
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
    if (!options.live) {
      stacks.push(reviewStack(loaded));
      continue;
    }
    const review = reviewStack({ ...loaded, roleBlockedBy: await liveAccountGuard(loaded.plan) });
    stacks.push({ ...review, live: await liveCleanups(loaded.plan, loaded.stackDir) });
  }
  return { version: 1, risk: highestRisk(stacks.map((s) => s.risk)), stacks };
}
