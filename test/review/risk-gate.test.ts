import * as review from "../../modules/review";
import type { ReviewReport } from "../../modules/review";
import type { Risk } from "../../modules/review/risk";

const reportOf = (risk: Risk): ReviewReport => ({ version: 1, risk, stacks: [] });

describe("riskGateTripped (review --fail-on)", () => {
  it.each([
    ["high", "high", true],
    ["high", "medium", true],
    ["medium", "high", false],
    ["medium", "medium", true],
    ["low", "medium", false],
  ] as const)("a %s report against --fail-on %s trips: %s", (risk, level, tripped) => {
    expect(review.riskGateTripped(reportOf(risk), level)).toBe(tripped);
  });

  it("is still exported under its name before the rename (gateTripped), as the same function", () => {
    expect(review.gateTripped).toBe(review.riskGateTripped);
  });
});
