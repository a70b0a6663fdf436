// campaigns-role-removed: deleting or replacing the campaigns service-linked role is high risk.
import { describeRiskRule, firedRules, reasonOf, ROLE, roleChange } from "../support/rule-plans";

describeRiskRule("campaigns-role-removed", () => {
  it("fires on a deleted role", () => {
    expect(firedRules(roleChange(["delete"], {}, null))).toEqual({ [ROLE]: ["campaigns-role-removed"] });
  });

  it("fires on a replaced role, naming the attribute that forces it", () => {
    const replaced = roleChange(["delete", "create"], { custom_suffix: "a" }, { custom_suffix: "b" }, { replace_paths: [["custom_suffix"]] });
    expect(reasonOf("campaigns-role-removed", replaced)).toBe(
      "replaces the campaigns service-linked role (custom_suffix changed): it is deleted first, campaigns lose it until the new one exists",
    );
  });

  it("does not fire on a created role, nor on another service's role", () => {
    expect(firedRules(roleChange(["create"], null, {}))[ROLE]).not.toContain("campaigns-role-removed");
    expect(firedRules(roleChange(["delete"], { aws_service_name: "elasticbeanstalk.amazonaws.com" }, null))[ROLE]).not.toContain("campaigns-role-removed");
  });
});
