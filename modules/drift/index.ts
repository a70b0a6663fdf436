/**
 * `drift`: what Terraform cannot refresh, checked with the AWS SDK across a fleet — each
 * account's campaigns role, each instance's onboarding (role and key), retired instances still
 * onboarded, and the instances of a Region the config does not name that would block a destroy.
 * Loaded lazily by the CLI (`drift`, `plan-review --all`): it carries the AWS SDK.
 */
export { checkDrift, DEFAULT_DRIFT_PARALLELISM } from "./check";
export type { DriftOptions, TargetResult } from "./check";
export { DRIFT_KINDS } from "./findings";
export type { DriftError, DriftFinding, DriftKind, DriftReport } from "./findings";
export { DEFAULT_STACKS_DIR } from "./fixes";
export { renderDriftMarkdown } from "./markdown";
