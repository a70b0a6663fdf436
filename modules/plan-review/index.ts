/**
 * plan-review (`npm run plan`): synthesize a pull request's config and its base, plan only the
 * stacks the change touches, several at once, and review them into `cdktf.out/review.md`. Builds
 * on the review (which reads plans) and the stack module (which synthesizes); the CLI's
 * `plan-review` command is its adapter.
 */
export { planReview, defaultParallelism } from "./plan-review";
export type { PlanReviewRequest, PlanReviewResult } from "./plan-review";
export type { BaseSource, BaseConfig } from "./base-config";
export { PlanReviewError } from "./errors";
export { compareSynths, everyStackNew, planSynths, changeSetOf, readSynthOutput, normalizedStack } from "./change-set";
export type { ChangeSet, StackChange, SynthOutput, SynthPlan } from "./change-set";
export { withChangeSet, REMOVED_STACK_REASON } from "./change-set-report";
export { planStack, planStacks, synthRollout } from "./plan-stacks";
export type { StackPlanResult, SynthRequest } from "./plan-stacks";
