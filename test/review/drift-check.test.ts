// Issue 17: plan-review --all puts the drift check into the review, where --fail-on counts it.
import { DRIFT_KINDS, type DriftReport } from "../../modules/drift/findings";
import { DRIFT_RISK, riskGateTripped, renderMarkdown, withDriftCheck, type ReviewReport } from "../../modules/review";

const EMPTY: ReviewReport = { version: 1, risk: "none", stacks: [] };
const where = { stack: "campaigns-111111111111-us-east-1", account: "111111111111", region: "us-east-1" };
const drift = (report: Partial<DriftReport>): DriftReport => ({ targets: 1, inSync: 0, findings: [], errors: [], ...report });

describe("the drift check in the review", () => {
  it("rates not-onboarded, role-missing and linked-to-other-role high, every other kind medium", () => {
    expect(Object.keys(DRIFT_RISK).sort()).toEqual([...DRIFT_KINDS].sort());
    expect(DRIFT_KINDS.filter((k) => DRIFT_RISK[k] === "high").sort()).toEqual(["linked-to-other-role", "not-onboarded", "role-missing"]);
  });

  it.each(DRIFT_KINDS)("--fail-on counts a %s finding at its risk", (kind) => {
    const report = withDriftCheck(EMPTY, drift({ findings: [{ ...where, kind, message: "m", fix: "f" }] }));
    expect(report.risk).toBe(DRIFT_RISK[kind]);
    expect(riskGateTripped(report, "medium")).toBe(true);
    expect(riskGateTripped(report, "high")).toBe(DRIFT_RISK[kind] === "high");
  });

  it("a stack that could not be checked is high (a gate never passes on a check that did not run)", () => {
    const report = withDriftCheck(EMPTY, drift({ errors: [{ ...where, message: "stack x: AccessDenied", wrongAccount: false }] }));
    expect(report.risk).toBe("high");
    expect(renderMarkdown(report)).toContain("| 🔴 high | `campaigns-111111111111-us-east-1` | not checked | — | stack x: AccessDenied | — |");
  });

  it("in sync: no risk added, the count in the review", () => {
    const report = withDriftCheck(EMPTY, drift({ inSync: 1 }));
    expect(report.risk).toBe("none");
    expect(renderMarkdown(report)).toContain("### Drift check (what the plans cannot see): 1 of 1 stack in sync");
  });
});
