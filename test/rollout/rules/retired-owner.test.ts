import { parseRolloutConfig } from "../../../modules/rollout";
import { CONFIG_FILE, configProblems } from "../../support/config-problems";

/** Rule retired-owner: the target that owns the role retires only with every target using it. */

const owner = (extra: Record<string, unknown> = {}) => ({ account: "111111111111", region: "us-east-1", role: { mode: "create" }, ...extra });
const observer = (region: string, extra: Record<string, unknown> = {}) => ({ account: "111111111111", region, role: { mode: "observe" }, ...extra });

describe("retired-owner", () => {
  it("accepts a retired owner whose observers are all retired too, and observers retired before their owner", () => {
    for (const targets of [
      [owner({ retired: true }), observer("us-west-2", { retired: true }), observer("eu-west-2", { retired: true })],
      [owner(), observer("us-west-2", { retired: true })],
      [owner({ retired: true }), { account: "222222222222", region: "eu-west-2", role: { mode: "observe" } }],
    ]) {
      expect(parseRolloutConfig(JSON.stringify({ targets }), CONFIG_FILE).targets).toHaveLength(targets.length);
    }
  });

  it("refuses a retired owner while one target still uses its role, naming the account and that target", () => {
    expect(configProblems({ targets: [observer("us-west-2"), owner({ retired: true })] })).toEqual([
      '$.targets[1].retired: expected every target that uses its role to be retired too: in account 111111111111, retiring $.targets[1] (us-east-1) deletes the role AWSServiceRoleForConnectCampaigns, which $.targets[0] (us-west-2) still uses; retire it as well ("retired": true), or keep this target',
    ]);
  });

  it("counts an adopted role's owner, and an observer naming another role does not hold it", () => {
    const arn = (suffix: string) => `arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns_${suffix}`;
    const adopted = { account: "111111111111", region: "us-east-1", role: { mode: "adopt", arn: arn("a") }, retired: true };
    expect(configProblems({ targets: [adopted, observer("us-west-2", { role: { mode: "observe", arn: arn("a") } }), observer("eu-west-2", { role: { mode: "observe", arn: arn("b") } })] })).toEqual([
      expect.stringMatching(/^\$\.targets\[0\]\.retired: .* deletes the role AWSServiceRoleForConnectCampaigns_a, which \$\.targets\[1\] \(us-west-2\) still uses;/),
    ]);
  });
});
