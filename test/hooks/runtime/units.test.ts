// The hook runtime's pure parts: pacing arithmetic, input checks, backup parsing, session names.
import { HookExit } from "../../../modules/hooks/contract";
import { parseHookInput } from "../../../modules/hooks/runtime";
import { sessionName } from "../../../modules/hooks/runtime/clients";
import { Pacer, TokenBucket } from "../../../modules/hooks/runtime/pacing";
import { parseBackup } from "../../../modules/hooks/runtime/backup-file";
import { encryptionConfig } from "../../../modules/hooks/runtime/onboarding";
import { backupRoot } from "../../../modules/hooks/runtime/backup";
import { toCleanupInput, toOnboardingInput } from "../../../modules/hooks/contract";
import { hookInput, onboardingHookInput } from "./fixtures";

describe("TokenBucket", () => {
  test("a full burst, then one token per 1/rate seconds, handed out in order", () => {
    let now = 0;
    const bucket = new TokenBucket({ rate: 1, burst: 2 }, () => now);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 1000, 2000]);
    now = 5000; // refilled up to the burst only: 2 owed tokens paid back, then 2 in hand... capped at burst 2
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 1000]);
  });

  test("DescribeCampaign rate: 25/s after a burst of 35", () => {
    const now = 0;
    const bucket = new TokenBucket({ rate: 25, burst: 35 }, () => now);
    const waits = Array.from({ length: 40 }, () => bucket.reserve());
    expect(waits.slice(0, 35).every((w) => w === 0)).toBe(true);
    expect(waits.slice(35)).toEqual([40, 80, 120, 160, 200]);
  });

  test("Pacer refuses a non-positive multiplier", () => {
    expect(() => new Pacer(0)).toThrow("quota multiplier must be positive, got 0");
  });
});

describe("parseHookInput", () => {
  const valid = hookInput("instance-1");
  test("accepts the contract's shape", () => {
    expect(parseHookInput(JSON.stringify(valid))).toEqual(valid);
  });
  test.each([
    [undefined, "bad CAMPAIGNS_HOOK_INPUT: not set"],
    ["{", "bad CAMPAIGNS_HOOK_INPUT: not valid JSON"],
    ["[]", "bad CAMPAIGNS_HOOK_INPUT: not a JSON object"],
    [JSON.stringify({ ...valid, allow_campaign_deletion: "yes" }), 'allow_campaign_deletion must be true or false, got "yes"'],
    [JSON.stringify({ ...valid, region: "Mars" }), 'region must be an AWS region name, got "Mars"'],
    [JSON.stringify({ ...valid, backup_s3_bucket: undefined }), "backup_s3_bucket must be a bucket name or null, got nothing"],
  ])("%s → %s, exit 64", (json, message) => {
    expect(() => parseHookInput(json)).toThrow(message);
    try {
      parseHookInput(json);
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(HookExit.usage);
    }
  });
});

describe("one input per hook", () => {
  const settings = { stack: "s", account: "123456789012", region: "us-east-1", instanceId: "i-1", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", allowCampaignDeletion: true, backupDir: "b" };
  test("each hook stores only its own settings", () => {
    expect(Object.keys(toOnboardingInput(settings)).sort()).toEqual(["account", "deploy_role_arn", "instance_id", "kind", "kms_key_arn", "onboarding_timeout_seconds", "region", "stack"]);
    expect(Object.keys(toCleanupInput(settings)).sort()).toEqual(["account", "allow_campaign_deletion", "backup_dir", "backup_s3_bucket", "deploy_role_arn", "instance_id", "kind", "region", "stack"]);
  });
  test("an onboarding input parses as such, and is refused where a cleanup input is expected", () => {
    const onboarding = onboardingHookInput("instance-1");
    expect(parseHookInput(JSON.stringify(onboarding), "campaigns-onboarding")).toEqual(onboarding);
    expect(() => parseHookInput(JSON.stringify(onboarding), "campaigns-cleanup")).toThrow('kind must be campaigns-cleanup, got "campaigns-onboarding"');
    expect(() => parseHookInput(JSON.stringify({ ...onboarding, kms_key_arn: 7 }))).toThrow("kms_key_arn must be an ARN or null, got 7");
  });
  test("a relative backup_dir is resolved against the hook's cwd (the stack directory); CAMPAIGN_BACKUP_DIR wins", () => {
    const stackDir = "/work/repo/cdktf.out/stacks/campaigns-123456789012-us-east-1";
    expect(backupRoot({ backup_dir: "../../../campaign-backups" }, {}, stackDir)).toBe("/work/repo/campaign-backups");
    expect(backupRoot({ backup_dir: "/abs/backups" }, {}, stackDir)).toBe("/abs/backups");
    expect(backupRoot({ backup_dir: "../../../campaign-backups" }, { CAMPAIGN_BACKUP_DIR: "/pipeline/disk" }, stackDir)).toBe("/pipeline/disk");
  });
});

describe("parseBackup", () => {
  const file = "/b/123456789012/us-east-1/inst-1/camp-1.json";
  const campaign = {
    id: "camp-1",
    arn: "arn:aws:connect-campaigns:us-east-1:123456789012:campaign/camp-1",
    name: "Spring",
    connectInstanceId: "inst-1",
    dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 1 } },
    outboundCallConfig: { connectContactFlowId: "flow" },
    tags: { team: "a" },
  };
  test("a valid backup becomes a CreateCampaign request for its account and region", () => {
    expect(parseBackup(file, JSON.stringify(campaign))).toEqual({
      file,
      account: "123456789012",
      region: "us-east-1",
      instanceId: "inst-1",
      backupId: "camp-1",
      api: "v1",
      request: {
        name: "Spring",
        connectInstanceId: "inst-1",
        dialerConfig: campaign.dialerConfig,
        outboundCallConfig: campaign.outboundCallConfig,
        tags: campaign.tags,
      },
    });
  });
  test.each([
    [{ ...campaign, name: "" }, "missing name"],
    [{ ...campaign, dialerConfig: {} }, "dialerConfig must hold exactly one of"],
    [{ ...campaign, outboundCallConfig: {} }, "outboundCallConfig.connectContactFlowId is missing"],
    [{ ...campaign, tags: { a: 1 } }, "tags must map strings to strings"],
    [{ ...campaign, id: "other" }, "campaign id other does not match the file name"],
    [{ ...campaign, connectInstanceId: "inst-2" }, "connectInstanceId inst-2 does not match the directory inst-1"],
    [
      { ...campaign, arn: "arn:aws:connect-campaigns:eu-west-2:123456789012:campaign/camp-1" },
      "its ARN names 123456789012/eu-west-2",
    ],
  ])("refuses %#: %s", (content, problem) => {
    expect(parseBackup(file, JSON.stringify(content))).toEqual(expect.stringContaining(problem));
  });
});

test("STS session names keep to [\\w+=,.@-] and 64 characters", () => {
  expect(sessionName("campaigns-123456789012-us-east-1")).toBe("campaigns-hook-campaigns-123456789012-us-east-1");
  expect(sessionName("a b/c".repeat(20))).toMatch(/^[\w+=,.@-]{64}$/);
});

test("encryptionConfig: KMS when a key is given, disabled otherwise", () => {
  expect(encryptionConfig("arn:aws:kms:us-east-1:123456789012:key/k")).toEqual({
    enabled: true,
    encryptionType: "KMS",
    keyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
  });
  expect(encryptionConfig(null)).toEqual({ enabled: false });
});
