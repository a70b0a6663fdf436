// campaigns-deleted-by-hook: a destroyed cleanup hook that may delete campaigns is high risk.
import { CLEANUP, describeRiskRule, firedRules, hookChange, INSTANCE, reasonOf } from "../support/rule-plans";

describeRiskRule("campaigns-deleted-by-hook", () => {
  it("fires when the cleanup hook is destroyed with allow_campaign_deletion true, saying it backs up then deletes", () => {
    const change = hookChange(CLEANUP, "campaigns-cleanup", ["delete"], { allow_campaign_deletion: true });
    expect(firedRules(change)).toEqual({ [CLEANUP]: ["campaigns-deleted-by-hook"] });
    expect(reasonOf("campaigns-deleted-by-hook", change)).toBe(`destroy hook backs up, then deletes every campaign of instance ${INSTANCE}`);
  });

  it("does not fire when deletion is not allowed, nor when the hook is only created", () => {
    expect(firedRules(hookChange(CLEANUP, "campaigns-cleanup", ["delete"], { allow_campaign_deletion: false }))[CLEANUP]).not.toContain("campaigns-deleted-by-hook");
    expect(firedRules(hookChange(CLEANUP, "campaigns-cleanup", ["create"], { allow_campaign_deletion: true }))[CLEANUP]).not.toContain("campaigns-deleted-by-hook");
  });
});
