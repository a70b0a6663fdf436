import { Testing, TerraformStack } from "cdktf";
import { AwsProvider, AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { CampaignCleanupHook, CampaignsInstance, CampaignsInstanceProps, CampaignsServiceLinkedRole, InstanceOnboarding, ValidationError } from "../../modules";
import { synthJson } from "../support/synth";
import before from "../stack/fixtures/addresses-before.json";
import { CUSTOM_STACK, type Captured } from "../stack/fixtures/capture-addresses";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/5f1e2d3c-4b5a-4697-8877-665544332211";
const PROVIDER: AwsProviderConfig = { region: "us-east-1", allowedAccountIds: ["111111111111"] };

function stackWith(provider: AwsProviderConfig | undefined = PROVIDER) {
  const stack = new TerraformStack(Testing.app(), "contact-center");
  if (provider) new AwsProvider(stack, "aws", provider);
  const role = new CampaignsServiceLinkedRole(stack, "campaigns-role");
  return { stack, role };
}

function synthInstance(props: Partial<CampaignsInstanceProps> = {}, provider?: AwsProviderConfig) {
  const { stack, role } = stackWith(provider);
  const instance = new CampaignsInstance(stack, "instance", { role, instanceId: INSTANCE, backup: { dir: "backups" }, ...props });
  const json = synthJson(stack);
  const data = json.resource!.terraform_data as Record<string, { input: Record<string, unknown>; depends_on?: string[] }>;
  const of = (kind: string) => Object.entries(data).find(([, r]) => r.input.kind === kind)!;
  return { instance, json, data, onboarding: of("campaigns-onboarding"), cleanup: of("campaigns-cleanup") };
}

function errorOf(make: () => unknown): ValidationError {
  try {
    make();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("CampaignsInstance", () => {
  it("wires the destroy order: cleanup before offboarding before the role", () => {
    const { onboarding, cleanup, json } = synthInstance();
    const role = `aws_iam_service_linked_role.${Object.keys(json.resource!.aws_iam_service_linked_role)[0]}`;
    expect(onboarding[1].depends_on).toEqual([role]);
    expect(cleanup[1].depends_on).toEqual([`terraform_data.${onboarding[0]}`, role]);
  });

  it("takes the stack id, Region and account from the stack and its provider", () => {
    const { onboarding, cleanup } = synthInstance({ kmsKeyArn: KEY, allowCampaignDeletion: true, backup: { dir: "b", s3Bucket: "bucket-1" } });
    expect(onboarding[1].input).toEqual({
      kind: "campaigns-onboarding", stack: "contact-center", account: "111111111111", region: "us-east-1", instance_id: INSTANCE,
      deploy_role_arn: null, kms_key_arn: KEY, onboarding_timeout_seconds: 600,
    });
    expect(cleanup[1].input).toMatchObject({ allow_campaign_deletion: true, backup_dir: "b", backup_s3_bucket: "bucket-1", account: "111111111111" });
  });

  it("hooks assume the role the provider assumes (the library example had none and the hook refused at apply)", () => {
    const deploy = "arn:aws:iam::111111111111:role/terraform-deploy";
    const { onboarding, cleanup } = synthInstance({}, { ...PROVIDER, assumeRole: [{ roleArn: deploy }] });
    expect(onboarding[1].input.deploy_role_arn).toBe(deploy);
    expect(cleanup[1].input.deploy_role_arn).toBe(deploy);
  });

  it("without assume_role on the provider, the hooks use the caller's identity, as the provider does", () => {
    expect(synthInstance().onboarding[1].input.deploy_role_arn).toBeNull();
  });

  it("owns its addresses: keyed by the instance id (the layout CampaignsTargetStack had), whatever its construct id", () => {
    const { data } = synthInstance();
    expect(Object.keys(data).map((a) => a.replace(/_[0-9A-F]{8}$/, "")).sort()).toEqual([
      `campaign-cleanup-${INSTANCE}_cleanup`,
      `onboarding-${INSTANCE}_kms-key-pin`,
      `onboarding-${INSTANCE}_onboarding`,
    ]);
  });

  it("exposes what an account-level construct waits for: the cleanup hook and the instance id", () => {
    const { instance } = synthInstance();
    expect(instance.cleanupHook).toBe(instance.cleanup.resource);
    expect(instance.instanceId).toBe(INSTANCE);
  });

  it("retire() emits removed blocks at the instance's addresses, cleanup first", () => {
    const { stack } = stackWith();
    CampaignsInstance.retire(stack, INSTANCE);
    const removed = (synthJson(stack) as { removed?: { from: string }[] }).removed!;
    expect(removed.map((r) => r.from.replace(/_[0-9A-F]{8}$/, ""))).toEqual([`terraform_data.campaign-cleanup-${INSTANCE}_cleanup`, `terraform_data.onboarding-${INSTANCE}_onboarding`]);
  });

  it("movedFrom carries a stack built with the two hook constructs to the instance's addresses (moved blocks)", () => {
    // The custom-stack example before CampaignsInstance: InstanceOnboarding "onboarding", CampaignCleanupHook "campaign-cleanup".
    const old = Object.keys(((before as Captured)[CUSTOM_STACK]["contact-center"].resource as { terraform_data: object }).terraform_data).map((n) => `terraform_data.${n}`);
    const stack = new TerraformStack(Testing.app(), "contact-center");
    new AwsProvider(stack, "aws", { region: "us-west-2", allowedAccountIds: ["123456789012"] });
    const role = new CampaignsServiceLinkedRole(stack, "r");
    new CampaignsInstance(stack, "i", { role, instanceId: "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a", backup: { dir: "b" }, movedFrom: { onboarding: "onboarding", cleanup: "campaign-cleanup" } });
    const json = synthJson(stack) as { moved?: { from: string; to: string }[]; resource?: { terraform_data: object } };
    const now = Object.keys(json.resource!.terraform_data).map((n) => `terraform_data.${n}`);
    expect(json.moved!.map((m) => m.from).sort()).toEqual(old.sort());
    expect(json.moved!.map((m) => m.to).sort()).toEqual(now.sort());
  });

  describe("bad props fail at synth, naming the construct and the prop (the config's rules)", () => {
    it.each<[string, Partial<CampaignsInstanceProps>, AwsProviderConfig | undefined, string]>([
      ["an instance id that is not a UUID", { instanceId: "not-a-uuid" }, undefined, 'contact-center/instance: props.instanceId: expected an Amazon Connect instance id (a lowercase UUID like 12345678-aaaa-bbbb-cccc-1234567890ab), got "not-a-uuid"'],
      ["an 11-digit account", { account: "11111111111" }, { region: "us-east-1" }, 'contact-center/instance: props.account: expected a 12-digit AWS account id, got "11111111111"'],
      ["a KMS key of another Region", { kmsKeyArn: KEY.replace("us-east-1", "eu-west-2") }, undefined, "contact-center/instance: props.kmsKeyArn: expected a KMS key in the instance's Region us-east-1 (keys are regional), got a key in eu-west-2"],
      ["a KMS alias", { kmsKeyArn: "alias/campaigns" }, undefined, "props.kmsKeyArn: expected a KMS key ARN like"],
      ["a timeout beyond the config's bounds", { onboardingTimeoutSeconds: 5 }, undefined, "props.onboardingTimeoutSeconds: expected at least 10 seconds, got 5"],
      ["no backup", { backup: undefined }, undefined, "props.backup: is required"],
      ["an S3 bucket name S3 refuses", { backup: { dir: "b", s3Bucket: "Bad_Bucket" } }, undefined, "props.backup.s3Bucket: expected an S3 bucket name"],
      ["no account to take from the provider", {}, { region: "us-east-1" }, "props.account: is required when the stack's AwsProvider does not name exactly one account"],
      ["an account other than the provider's", { account: "222222222222" }, undefined, 'props.account: expected the provider\'s account 111111111111 (allowedAccountIds), got "222222222222"'],
      ["a deploy role of another account", { deployRoleArn: "arn:aws:iam::222222222222:role/deploy" }, undefined, "props.deployRoleArn: expected a role in the hook's account 111111111111"],
      ["a provider without a Region", {}, { allowedAccountIds: ["111111111111"] }, "expected the stack's AwsProvider to set `region`"],
      ["movedFrom naming the instance's own addresses", { movedFrom: { onboarding: `onboarding-${INSTANCE}`, cleanup: "c" } }, undefined, "props.movedFrom:"],
    ])("%s", (_, props, provider, message) => {
      expect(errorOf(() => synthInstance(props, provider)).message).toContain(message);
    });

    it("a stack without an AwsProvider", () => {
      const stack = new TerraformStack(Testing.app(), "bare");
      const role = CampaignsServiceLinkedRole.fromLookup(stack, "role");
      expect(errorOf(() => new CampaignsInstance(stack, "i", { role, instanceId: INSTANCE, backup: { dir: "b" } })).message).toContain("bare/i: props.role: expected the stack to hold an AwsProvider");
    });

    it("two constructs for one instance (they would share addresses)", () => {
      const { stack, role } = stackWith();
      new CampaignsInstance(stack, "a", { role, instanceId: INSTANCE, backup: { dir: "b" } });
      expect(errorOf(() => new CampaignsInstance(stack, "b", { role, instanceId: INSTANCE, backup: { dir: "b" } })).message).toContain(
        `contact-center/b: props.instanceId: instance ${INSTANCE} already has a CampaignsInstance in this scope (contact-center/a)`,
      );
    });
  });
});

describe("the hook constructs check their settings by the same rules", () => {
  const settings = { stack: "s", account: "111111111111", region: "us-east-1", instanceId: INSTANCE };
  it.each<[string, Record<string, unknown>, string]>([
    ["instanceId not a UUID", { instanceId: "not-a-uuid" }, 'contact-center/onboarding: props.settings.instanceId: expected an Amazon Connect instance id'],
    ["an 11-digit account", { account: "11111111111" }, 'props.settings.account: expected a 12-digit AWS account id, got "11111111111"'],
    ["a KMS key of another Region", { kmsKeyArn: KEY.replace("us-east-1", "eu-west-2") }, "props.settings.kmsKeyArn: expected a KMS key in the instance's Region us-east-1"],
    ["a Region that is no Region code", { region: "Virginia" }, 'props.settings.region: expected an AWS Region code like us-east-1, got "Virginia"'],
  ])("InstanceOnboarding: %s", (_, bad, message) => {
    const { stack, role } = stackWith();
    expect(errorOf(() => new InstanceOnboarding(stack, "onboarding", { settings: { ...settings, ...bad } as never, role })).message).toContain(message);
  });

  it("CampaignCleanupHook: an empty backup dir", () => {
    const { stack } = stackWith();
    expect(errorOf(() => new CampaignCleanupHook(stack, "cleanup", { settings: { ...settings, backupDir: "" }, dependsOn: [] })).message).toContain("contact-center/cleanup: props.settings.backupDir: expected a directory");
  });
});
