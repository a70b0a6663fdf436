// deploy-role-account: the deploy role lives in the target's own account (the provider's
// allowed_account_ids would refuse any other once a pipeline runs).
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, target } from "../../support/config-rules";

describeConfigRule("deploy-role-account", () => {
  it("refuses a deploy role of another account, from the defaults, saying which target it applied to", () => {
    expect(configProblems({ defaults: { deployRoleArn: "arn:aws:iam::222222222222:role/terraform-deploy" }, targets: [target("111111111111", "us-east-1")] })).toEqual([
      expect.stringContaining("$.defaults.deployRoleArn: expected a role in the target's account 111111111111 (write arn:aws:iam::{account}:role/<name> to fill it per target), got a role in 222222222222 (applied to $.targets[0])"),
    ]);
  });

  it("accepts {account} in the defaults, filled per target", () => {
    const config = { defaults: { deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy" }, targets: [target("111111111111", "us-east-1"), target("222222222222", "us-east-1")] };
    expect(accepted(config).targets.map((t) => t.deployRoleArn)).toEqual(["arn:aws:iam::111111111111:role/terraform-deploy", "arn:aws:iam::222222222222:role/terraform-deploy"]);
  });
});
