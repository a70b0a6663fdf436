// campaign-deletion-armed: allow_campaign_deletion going to true on a cleanup hook is medium (the
// next destroy deletes the instance's campaigns). Through the real bin, with --live's count of
// the campaigns it arms: test/review/gate-reviews-applied-plan.test.ts.
import { CLEANUP, describeRiskRule, firedRules, hookChange, INSTANCE, reasonOf } from "../support/rule-plans";

/** The cleanup hook updated in place, its allow_campaign_deletion going from `before` to `after`. */
function cleanupUpdate(before: boolean, after: boolean): Record<string, unknown> {
  const stored = (allow: boolean) => ({ input: { kind: "campaigns-cleanup", instance_id: INSTANCE, allow_campaign_deletion: allow } });
  return { ...hookChange(CLEANUP, "campaigns-cleanup", ["update"]), change: { actions: ["update"], before: stored(before), after: stored(after) } };
}

describeRiskRule("campaign-deletion-armed", () => {
  it("fires when allow_campaign_deletion goes from false to true, saying the next destroy deletes every campaign", () => {
    const change = cleanupUpdate(false, true);
    expect(firedRules(change)).toEqual({ [CLEANUP]: ["campaign-deletion-armed"] });
    expect(reasonOf("campaign-deletion-armed", change)).toBe(
      `arms campaign deletion for instance ${INSTANCE}: its next destroy (or retirement) backs up, then deletes every campaign of the instance`,
    );
  });

  it("does not fire when deletion was already allowed, is disallowed, or the hook is only created", () => {
    expect(firedRules(cleanupUpdate(true, true))[CLEANUP]).not.toContain("campaign-deletion-armed");
    expect(firedRules(cleanupUpdate(true, false))[CLEANUP]).not.toContain("campaign-deletion-armed");
    expect(firedRules(hookChange(CLEANUP, "campaigns-cleanup", ["create"], { allow_campaign_deletion: true }))[CLEANUP]).not.toContain("campaign-deletion-armed");
  });
});
