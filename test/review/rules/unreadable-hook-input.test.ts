// unreadable-hook-input: a terraform_data going away whose input the plan hides is rated as the
// worst it could be (high), on a real plan (test/review/fixtures) with its hook inputs marked
// sensitive as another configuration would.
import { realPlan, reviewDoc } from "../support/plans";
import { CLEANUP, describeRiskRule, firedRules, hookChange } from "../support/rule-plans";

describeRiskRule("unreadable-hook-input", () => {
  it("a destroy hook whose whole input is sensitive is high and says it could not read it", () => {
    const plan = realPlan("destroy-refused");
    for (const r of plan.resource_changes) if (r.type === "terraform_data") (r.change as unknown as Record<string, unknown>).before_sensitive = { input: true };
    const stack = reviewDoc(plan);
    const hooks = stack.changes.filter((c) => c.type === "terraform_data" && c.findings.some((f) => f.rule === "unreadable-hook-input"));
    expect(hooks.length).toBeGreaterThanOrEqual(2); // the cleanup hook and the onboarding (and the KMS key pin)
    for (const hook of hooks) expect(hook).toMatchObject({ risk: "high", findings: [expect.objectContaining({ reason: expect.stringMatching(/^could not read this terraform_data's input/) })] });
  });

  it("does not fire when the input is readable, nor when the hidden hook is only created", () => {
    expect(firedRules(hookChange(CLEANUP, "campaigns-cleanup", ["delete"], { allow_campaign_deletion: true }))[CLEANUP]).not.toContain("unreadable-hook-input");
    const created = hookChange(CLEANUP, "campaigns-cleanup", ["create"]);
    (created.change as Record<string, unknown>).after_sensitive = { input: true };
    expect(firedRules(created)[CLEANUP]).not.toContain("unreadable-hook-input");
  });
});
