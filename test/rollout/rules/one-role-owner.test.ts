// one-role-owner: one target per account manages (creates or adopts) a given role name; IAM roles
// are global to the account, so the account's other Regions observe it.
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, target } from "../../support/config-rules";

describeConfigRule("one-role-owner", () => {
  it("refuses two targets of one account creating the same role, pointing at the owner and saying to observe", () => {
    expect(configProblems({ targets: [target("111111111111", "us-east-1"), target("111111111111", "us-west-2", { instances: [] })] })).toEqual([
      expect.stringContaining('$.targets[1].role: expected one owner per role: AWSServiceRoleForConnectCampaigns in account 111111111111 is already managed by $.targets[0] (IAM roles are global to the account); use {"mode": "observe"} here'),
    ]);
  });

  it("accepts the second Region observing the role, or creating a role of another name (a custom suffix)", () => {
    const observing = { targets: [target("111111111111", "us-east-1"), target("111111111111", "us-west-2", { instances: [], role: { mode: "observe" } })] };
    expect(accepted(observing).targets.map((t) => t.role.mode)).toEqual(["create", "observe"]);
    const suffixed = { targets: [target("111111111111", "us-east-1"), target("111111111111", "us-west-2", { instances: [], role: { mode: "create", customSuffix: "west" } })] };
    expect(accepted(suffixed).targets.map((t) => t.role.mode)).toEqual(["create", "create"]);
  });
});
