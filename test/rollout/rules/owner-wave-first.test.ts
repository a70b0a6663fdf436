import { parseRolloutConfig } from "../../../modules/rollout";
import { CONFIG_FILE, configProblems } from "../../support/config-problems";

/** Rule owner-wave-first: a target that uses its account's role deploys in its owner's wave or later. */

const WAVES = [{ name: "canary" }, { name: "early" }, { name: "broad" }];
const OWNER = { account: "111111111111", region: "us-east-1", role: { mode: "create" } };
const observer = (region: string, wave: string, extra: Record<string, unknown> = {}) => ({ account: "111111111111", region, wave, role: { mode: "observe" }, ...extra });
const ROLE = (suffix: string) => `arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns_${suffix}`;

describe("owner-wave-first", () => {
  it("accepts observers in the owner's wave or later ones", () => {
    const config = { waves: WAVES, targets: [{ ...OWNER, wave: "early" }, observer("us-west-2", "early"), observer("eu-west-2", "broad")] };
    expect(parseRolloutConfig(JSON.stringify(config), CONFIG_FILE).targets).toHaveLength(3);
  });

  it("refuses an observer in an earlier wave, naming the account, both targets and their waves", () => {
    const config = { waves: WAVES, targets: [{ ...OWNER, wave: "broad" }, observer("us-west-2", "early"), observer("eu-west-2", "broad")] };
    expect(configProblems(config)).toEqual([
      '$.targets[1].wave: expected the wave of its role\'s owner ("broad") or a later one: in account 111111111111, $.targets[1] (us-west-2) in wave "early" uses the role AWSServiceRoleForConnectCampaigns that $.targets[0] (us-east-1) in wave "broad" creates or adopts (its plan would fail before the role exists, and a destroy in reverse order would delete the role first); move it to wave "broad" or later',
    ]);
  });

  it("points at defaults.wave when the observer's wave comes from there", () => {
    const config = { waves: WAVES, defaults: { wave: "canary" }, targets: [{ ...OWNER, wave: "early" }, { ...observer("us-west-2", "x"), wave: undefined }] };
    expect(configProblems(config)).toEqual([expect.stringMatching(/^\$\.defaults\.wave: expected the wave of its role's owner \("early"\) or a later one: in account 111111111111, \$\.targets\[1\] \(us-west-2\) in wave "canary"/)]);
  });

  it("binds an observer that names a role ARN to that role's owner only", () => {
    const config = {
      waves: WAVES,
      targets: [
        { ...OWNER, wave: "broad", role: { mode: "create", customSuffix: "a" } },
        observer("us-west-2", "canary", { role: { mode: "observe", arn: ROLE("b") } }),
        observer("eu-west-2", "canary", { role: { mode: "observe", arn: ROLE("a") } }),
      ],
    };
    expect(configProblems(config)).toEqual([expect.stringMatching(/^\$\.targets\[2\]\.wave: .* uses the role AWSServiceRoleForConnectCampaigns_a that \$\.targets\[0\] \(us-east-1\) in wave "broad"/)]);
  });

  it("lets a retired observer go in an earlier wave (removing it first is the safe order), and ignores other accounts", () => {
    const config = {
      waves: WAVES,
      targets: [{ ...OWNER, wave: "broad" }, observer("us-west-2", "canary", { retired: true }), { account: "222222222222", region: "eu-west-2", wave: "canary", role: { mode: "observe" } }],
    };
    expect(parseRolloutConfig(JSON.stringify(config), CONFIG_FILE).targets).toHaveLength(3);
  });
});
