import { riskGateTripped } from "../../modules/review";
import { realPlan, reviewDoc } from "./support/plans";

/**
 * What the review cannot read is rated as the worst it could be, and says so: real plans
 * (test/review/fixtures, `terraform show -json` against the emulator) with the one thing changed
 * that Terraform produces elsewhere — an errored plan, a hook input another configuration marks
 * sensitive. A hidden hook input and a resource type no rule knows are their rules' own cases:
 * test/review/rules/unreadable-hook-input.test.ts and unknown-type-removed.test.ts.
 */

const isCleanup = (r: Record<string, unknown>) => JSON.stringify((r.change as { before?: unknown }).before ?? "").includes("campaigns-cleanup");

describe("the gate rates what it cannot read as the worst it could be", () => {
  it('a plan marked "errored" is high and fails --fail-on high, with the reason', () => {
    const stack = reviewDoc({ ...realPlan("create"), errored: true });
    expect(stack.risk).toBe("high");
    expect(stack.findings).toEqual([{ rule: "plan-errored", risk: "high", reason: expect.stringContaining("Terraform reported errors while planning") }]);
    expect(riskGateTripped({ version: 1, risk: stack.risk, stacks: [stack] }, "high")).toBe(true);
  });

  it("a destroy hook whose allow_campaign_deletion alone is sensitive is rated as allowed (high), not as stopping at the guard", () => {
    const plan = realPlan("destroy-refused");
    const cleanup = plan.resource_changes.find(isCleanup)!;
    (cleanup.change as Record<string, unknown>).before_sensitive = { input: { allow_campaign_deletion: true } };
    const change = reviewDoc(plan).changes.find((c) => c.address === cleanup.address)!;
    expect(change.risk).toBe("high");
    expect(change.findings.map((f) => f.rule)).toEqual(["campaigns-deleted-by-hook"]);
    expect(change.findings[0].reason).toMatch(/^could not read allow_campaign_deletion \(hidden in the plan\), so it is rated as allowed/);
  });
});
