// role-adopted: importing an existing campaigns role makes the stack its owner (its destroy deletes it).
import { describeRiskRule, firedRules, reasonOf, ROLE, roleChange } from "../support/rule-plans";

const ARN = "arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns";

describeRiskRule("role-adopted", () => {
  it("fires on an imported role, naming the imported id", () => {
    const change = roleChange(["no-op"], {}, {}, { importing: { id: ARN } });
    expect(firedRules(change)).toEqual({ [ROLE]: ["role-adopted"] });
    expect(reasonOf("role-adopted", change)).toBe(`imports the existing campaigns role ${ARN}: this stack owns it from now on, and its destroy deletes it`);
  });

  it("does not fire on a role created by the stack", () => {
    expect(firedRules(roleChange(["create"], null, {}))[ROLE]).not.toContain("role-adopted");
  });
});
