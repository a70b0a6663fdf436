// role-settings-changed: an in-place change of the role's description or tags is medium risk.
import { describeRiskRule, firedRules, reasonOf, ROLE, roleChange } from "../support/rule-plans";

describeRiskRule("role-settings-changed", () => {
  it("fires on changed tags, naming tags once (tags_all follows them)", () => {
    const change = roleChange(["update"], { tags: { team: "a" }, tags_all: { team: "a" } }, { tags: { team: "b" }, tags_all: { team: "b" } });
    expect(firedRules(change)).toEqual({ [ROLE]: ["role-settings-changed"] });
    expect(reasonOf("role-settings-changed", change)).toBe("changes the campaigns role's tags");
  });

  it("does not fire on an update that changes neither description nor tags", () => {
    expect(firedRules(roleChange(["update"], { description: "x", tags: {} }, { description: "x", tags: {} }))[ROLE]).not.toContain("role-settings-changed");
  });
});
