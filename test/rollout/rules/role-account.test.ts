// role-account: an adopted role is a role of the target's own account.
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, target } from "../../support/config-rules";

const roleArn = (account: string) => `arn:aws:iam::${account}:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns`;

describeConfigRule("role-account", () => {
  it("refuses adopting a role of another account", () => {
    expect(configProblems({ targets: [target("111111111111", "us-east-1", { role: { mode: "adopt", arn: roleArn("999999999999") } })] })).toEqual([
      expect.stringContaining("$.targets[0].role.arn: expected a role in the target's account 111111111111, got a role in 999999999999"),
    ]);
  });

  it("accepts adopting the target account's role", () => {
    expect(accepted({ targets: [target("111111111111", "us-east-1", { role: { mode: "adopt", arn: roleArn("111111111111") } })] }).targets[0].role).toMatchObject({
      mode: "adopt",
      arn: roleArn("111111111111"),
    });
  });
});
