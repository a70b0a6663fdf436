// instance-offboarded: destroying or replacing an onboarding resource offboards the instance.
import { describeRiskRule, firedRules, hookChange, INSTANCE, ONBOARDING, reasonOf } from "../support/rule-plans";

describeRiskRule("instance-offboarded", () => {
  it("fires on a destroyed onboarding, and on a replaced one saying it is onboarded again", () => {
    expect(firedRules(hookChange(ONBOARDING, "campaigns-onboarding", ["delete"]))).toEqual({ [ONBOARDING]: ["instance-offboarded"] });
    expect(reasonOf("instance-offboarded", hookChange(ONBOARDING, "campaigns-onboarding", ["delete", "create"]))).toBe(
      `offboards instance ${INSTANCE} from outbound campaigns, then onboarded again`,
    );
  });

  it("does not fire when an onboarding is created", () => {
    expect(firedRules(hookChange(ONBOARDING, "campaigns-onboarding", ["create"]))[ONBOARDING]).not.toContain("instance-offboarded");
  });
});
