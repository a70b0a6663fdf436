/**
 * `plan-review --all` checks live what the plans cannot see (modules/drift) and puts the
 * findings in the review, rated so that `--fail-on` counts them: high where outbound campaigns
 * has stopped working or a destroy would fail (`not-onboarded`, `role-missing`,
 * `linked-to-other-role`), medium for the rest. A stack that could not be checked is high, as
 * one that failed to plan: a gate never passes on a check that did not run.
 */
import type { DriftError, DriftFinding, DriftKind, DriftReport } from "../drift/findings";
import type { ReviewReport } from "./report";
import { highestRisk, type Risk } from "./risk";

export const DRIFT_RISK: Readonly<Record<DriftKind, Risk>> = {
  "role-missing": "high",
  "not-onboarded": "high",
  "linked-to-other-role": "high",
  "role-mismatch": "medium",
  "kms-key-mismatch": "medium",
  "retire-pending": "medium",
  "unmanaged-instance": "medium",
};

/** The drift check as the review holds it. */
export interface ReviewDriftCheck {
  /** Stacks checked. */
  readonly targets: number;
  readonly inSync: number;
  readonly findings: readonly (DriftFinding & { readonly risk: Risk })[];
  readonly errors: readonly (DriftError & { readonly risk: "high" })[];
}

export function withDriftCheck(report: ReviewReport, drift: DriftReport): ReviewReport {
  const driftCheck: ReviewDriftCheck = {
    targets: drift.targets,
    inSync: drift.inSync,
    findings: drift.findings.map((f) => ({ ...f, risk: DRIFT_RISK[f.kind] })),
    errors: drift.errors.map((e) => ({ ...e, risk: "high" as const })),
  };
  return { ...report, risk: highestRisk([report.risk, ...driftCheck.findings.map((f) => f.risk), ...driftCheck.errors.map((e) => e.risk)]), driftCheck };
}
