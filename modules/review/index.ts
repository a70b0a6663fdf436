/**
 * Plan reviews: what a change does across many stacks, above all the irreversible parts, as a
 * pull-request comment (Markdown) or data (JSON). Reads `terraform show -json` output only; the
 * AWS SDK loads only for `--live`.
 */
export { reviewPlans } from "./review";
export type { ReviewOptions } from "./review";
export { reviewStack } from "./review-stack";
export { renderMarkdown, code, driftTable } from "./markdown";
export { loadPlan, PLAN_JSON_FILE, REVIEW_FILE, SAVED_PLAN_FILE } from "./plan-source";
export { parsePlan, PlanInputError } from "./read-plan";
export { riskGateTripped } from "./risk-gate";
export { DRIFT_RISK, withDriftCheck } from "./drift-check";
export type { ReviewDriftCheck } from "./drift-check";
export type { RiskGateLevel } from "./risk-gate";
// The names before the gates got a word each (0.1.0), kept so code written against them still compiles.
/** @deprecated renamed {@link riskGateTripped} */
export { riskGateTripped as gateTripped } from "./risk-gate";
/** @deprecated renamed {@link RiskGateLevel} */
export type { RiskGateLevel as GateLevel } from "./risk-gate";
export { RISK_RULES } from "./rules";
export type { RiskRule, RuleSubject } from "./rules";
export { RISK_MEANING } from "./risk";
export type { Risk, RiskOrNone } from "./risk";
export type { ChangeKind } from "./change-kind";
export type { PlanDocument } from "./plan-json";
export type * from "./report";
