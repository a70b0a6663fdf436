import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadRolloutConfig, parseRolloutConfig } from "../../modules/rollout";
import { CONFIG_FILE as FILE, configProblems as problems } from "../support/config-problems";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

function target(overrides: Record<string, unknown> = {}) {
  return { account: "111111111111", region: "us-east-1", instances: [{ id: INSTANCE }], ...overrides };
}

describe("loadRolloutConfig", () => {
  it("resolves the embedded example", () => {
    const rollout = loadRolloutConfig(path.join(__dirname, "..", "..", "examples", "rollout.json"), "/base");
    expect(rollout.targets.map((t) => t.stackId)).toEqual(["campaigns-111111111111-us-east-1", "campaigns-222222222222-eu-west-2"]);
    expect(rollout.targets[0]).toMatchObject({
      deployRoleArn: "arn:aws:iam::111111111111:role/terraform-deploy",
      tags: { team: "contact-center" },
      allowCampaignDeletion: false,
      backend: { type: "local" },
      campaignBackup: { dir: "campaign-backups" },
      baseDir: "/base",
      wave: "default",
    });
    expect(rollout.waves).toEqual([{ name: "default", maxConcurrency: 1, failureTolerance: 0, stackIds: rollout.targets.map((t) => t.stackId) }]);
  });

  it("applies defaults, lets target keys override them and fills {account} and {region}", () => {
    const rollout = parseRolloutConfig(
      JSON.stringify({
        defaults: {
          tags: { team: "cc", env: "prod" },
          allowCampaignDeletion: true,
          backend: { type: "s3", bucket: "state-{account}", roleArn: "arn:aws:iam::{account}:role/state" },
          role: { mode: "create", description: "from defaults" },
        },
        targets: [
          target({ tags: { env: "dev" }, allowCampaignDeletion: false, backend: { type: "s3", bucket: "state-{account}", key: "k/{region}.tfstate", encrypt: false } }),
          target({ account: "222222222222", backend: { type: "local" }, role: { mode: "create", customSuffix: "x" } }),
        ],
      }),
      FILE,
      "/base",
    );
    const [first, second] = rollout.targets;
    expect(first.tags).toEqual({ team: "cc", env: "dev" });
    expect(first.allowCampaignDeletion).toBe(false);
    expect(first.backend).toEqual({
      type: "s3",
      bucket: "state-111111111111",
      key: "k/us-east-1.tfstate",
      region: "us-east-1",
      encrypt: false,
      useLockfile: true,
      roleArn: "arn:aws:iam::111111111111:role/state",
    });
    expect(second.backend).toEqual({ type: "local", path: undefined });
    expect(second.role).toEqual({ mode: "create", description: "from defaults", customSuffix: "x" });
    expect(second.allowCampaignDeletion).toBe(true);
  });

  it("names an unreadable file", () => {
    expect(() => loadRolloutConfig(path.join(os.tmpdir(), "no-such-rollout.json"))).toThrow(/no-such-rollout.json: \$: expected a readable JSON file \(ENOENT\)/);
  });

  describe("refuses each bad input with the file, the JSON path and what was expected", () => {
    it.each<[string, unknown, string[]]>([
      ["bad JSON", '{\n  "targets": [\n    {"account": "1",}\n  ]\n}', ["$: expected valid JSON at line 3 column 21: Expected double-quoted property name"]],
      ["not an object", "[]", ["$: expected object, got an array"]],
      ["no targets", { targets: [] }, ["$.targets: expected at least one target"]],
      ["unknown key", { targets: [target({ regoin: "us-east-1" })] }, ['$.targets[0].regoin: unknown key "regoin": did you mean "region"? expected only "account", "region", "instances",']],
      ["account not 12 digits", { targets: [target({ account: "12345" })] }, ["$.targets[0].account: expected a 12-digit AWS account id"]],
      ["account as a number", { targets: [target({ account: 111111111111 })] }, ["$.targets[0].account: expected string, got number 111111111111"]],
      ["missing region", { targets: [{ account: "111111111111" }] }, ["$.targets[0].region: is required: expected string"]],
      ["malformed deploy role ARN", { defaults: { deployRoleArn: "arn:aws:iam::role/deploy" }, targets: [target()] }, ["$.defaults.deployRoleArn: expected an IAM role ARN like arn:aws:iam::{account}:role/terraform-deploy ({account} is filled per target)"]],
      ["malformed KMS key ARN", { targets: [target({ instances: [{ id: INSTANCE, kmsKeyArn: "alias/campaigns" }] })] }, ["$.targets[0].instances[0].kmsKeyArn: expected a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/<key id> (aliases are not accepted)"]],
      ["region not a region code", { targets: [target({ region: "Virginia" })] }, ["$.targets[0].region: expected an AWS Region code like us-east-1"]],
      ["instance id not a UUID", { targets: [target({ instances: [{ id: "my-instance" }] })] }, ["$.targets[0].instances[0].id: expected an Amazon Connect instance id (a lowercase UUID like 12345678-aaaa-bbbb-cccc-1234567890ab)"]],
      ["adopt without ARN", { targets: [target({ role: { mode: "adopt" } })] }, ["$.targets[0].role.arn: is required: expected string"]],
      ["unknown role mode", { targets: [target({ role: { mode: "import" } })] }, ['$.targets[0].role.mode: expected "mode" to be "create", "adopt" or "observe"']],
      ["suffix with bad characters", { targets: [target({ role: { mode: "create", customSuffix: "a b" } })] }, ['$.targets[0].role.customSuffix: expected only IAM name characters (letters, digits and + = , . @ _ -), got "a b"']],
      ["onboarding timeout too small", { targets: [target({ onboardingTimeoutSeconds: 1 })] }, ["$.targets[0].onboardingTimeoutSeconds: expected at least 10 seconds"]],
    ])("%s", (_, config, expected) => {
      expect(problems(config)).toEqual(expected.map((e) => expect.stringContaining(e)));
    });

    it("reports every problem at once, one line each", () => {
      expect(problems({ targets: [target({ account: "1" }), target({ region: "mars-1", instances: [{ id: "x" }] })] })).toHaveLength(3);
    });
  });

  it("reads the file as given and names it in messages", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollout-"));
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, JSON.stringify({ targets: [target({ account: "x" })] }));
    expect(() => loadRolloutConfig(file)).toThrow(`${file}: $.targets[0].account: expected a 12-digit AWS account id`);
  });
});
