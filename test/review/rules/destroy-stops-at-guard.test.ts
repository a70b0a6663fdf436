// destroy-stops-at-guard: a destroyed cleanup hook without campaign deletion stops the destroy
// when the instance has campaigns: medium risk.
import { CLEANUP, describeRiskRule, firedRules, hookChange, INSTANCE, reasonOf } from "../support/rule-plans";

describeRiskRule("destroy-stops-at-guard", () => {
  it("fires when the cleanup hook is destroyed with allow_campaign_deletion false, saying the destroy stops there", () => {
    const change = hookChange(CLEANUP, "campaigns-cleanup", ["delete"], { allow_campaign_deletion: false });
    expect(firedRules(change)).toEqual({ [CLEANUP]: ["destroy-stops-at-guard"] });
    expect(reasonOf("destroy-stops-at-guard", change)).toBe(
      `destroy hook runs for instance ${INSTANCE}; campaign deletion is not allowed: the destroy stops there if the instance has campaigns`,
    );
  });

  it("does not fire when campaign deletion is allowed (campaigns-deleted-by-hook does)", () => {
    expect(firedRules(hookChange(CLEANUP, "campaigns-cleanup", ["delete"], { allow_campaign_deletion: true }))).toEqual({ [CLEANUP]: ["campaigns-deleted-by-hook"] });
  });
});
