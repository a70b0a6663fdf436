import { Testing } from "cdktf";
import { parseRolloutConfig, ResolvedTarget } from "../../modules/rollout";
import { CampaignsTargetStack } from "../../modules/stack";
import { only, synthJson } from "../support/synth";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

function resolved(overrides: Record<string, unknown> = {}, defaults: Record<string, unknown> = {}): ResolvedTarget {
  const target = { account: "111111111111", region: "us-east-1", instances: [{ id: INSTANCE }], ...overrides };
  return parseRolloutConfig(JSON.stringify({ defaults, targets: [target] }), "rollout.json", "/base").targets[0];
}

function synthTarget(target: ResolvedTarget) {
  return synthJson(new CampaignsTargetStack(Testing.app(), target));
}

/** The hook resources of a kind (the KMS key pin has no kind). */
const hooksOf = (json: ReturnType<typeof synthTarget>, kind: string) =>
  Object.entries(json.resource?.terraform_data ?? {}).filter(([, r]) => (r.input as { kind?: string }).kind === kind);

type Provisioner = Record<string, { command: string; when?: string; environment: Record<string, string> }>;

describe("CampaignsTargetStack", () => {
  const json = synthTarget(resolved({ tags: { team: "cc" }, deployRoleArn: "arn:aws:iam::{account}:role/deploy" }));

  it("pins the provider to the target's account and Region, through the deploy role, with default tags", () => {
    expect(json.provider?.aws).toEqual([
      {
        region: "us-east-1",
        allowed_account_ids: ["111111111111"],
        assume_role: [{ role_arn: "arn:aws:iam::111111111111:role/deploy", session_name: "connect-campaigns-iac" }],
        default_tags: [{ tags: { team: "cc" } }],
      },
    ]);
  });

  it("states the Terraform version once, instead of a check per resource at synth", () => {
    expect(json.terraform?.required_version).toBe(">= 1.5.0");
  });

  it("onboards each instance after the role, and offboards it at destroy", () => {
    const role = only(json.resource?.aws_iam_service_linked_role, "role");
    const [onboarding] = Object.values(json.resource!.terraform_data).filter((r) => (r.input as { kind: string }).kind === "campaigns-onboarding");
    expect(onboarding.depends_on).toEqual([`aws_iam_service_linked_role.${role.__name}`]);
    const provisioners = onboarding.provisioner as Provisioner[];
    expect(provisioners.map((p) => [p["local-exec"].command.split(" ").pop(), p["local-exec"].when])).toEqual([
      ["onboard", undefined],
      ["offboard", "destroy"],
    ]);
    expect(onboarding.input).toMatchObject({ instance_id: INSTANCE, kms_key_arn: null, deploy_role_arn: "arn:aws:iam::111111111111:role/deploy" });
  });

  it("refuses a KMS key change at plan time, and names the pin to replace when the onboarding never succeeded", () => {
    const [[, onboarding]] = hooksOf(json, "campaigns-onboarding");
    const [pinName] = Object.entries(json.resource!.terraform_data).find(([name]) => name.includes("kms-key-pin"))!;
    const [precondition] = (onboarding.lifecycle as { precondition: { condition: string; error_message: string }[] }).precondition;
    expect(precondition.condition).toBe(`\${terraform_data.${pinName}.input.kms_key_arn == "none"}`);
    expect(precondition.error_message).toContain('set "retired": true on the instance and apply');
    expect(precondition.error_message).toContain(`If the onboarding never succeeded (its resource is tainted), re-pin the key instead: terraform apply -replace=terraform_data.${pinName}`);
  });

  it("runs the cleanup hook at destroy, before onboarding and role go, with deletion not allowed by default", () => {
    const [[, cleanup]] = hooksOf(json, "campaigns-cleanup");
    const [[onboardingName]] = hooksOf(json, "campaigns-onboarding");
    expect(cleanup.depends_on).toEqual([`terraform_data.${onboardingName}`, `aws_iam_service_linked_role.${only(json.resource?.aws_iam_service_linked_role, "role").__name}`]);
    const [hook] = cleanup.provisioner as Provisioner[];
    expect(hook["local-exec"]).toEqual({
      command: expect.stringMatching(/^node "\$\{path\.module\}\/assets\/.+\/v1\/campaigns-hook\.cjs" cleanup$/),
      when: "destroy",
      environment: { CAMPAIGNS_HOOK_INPUT: "${jsonencode(self.input)}" },
    });
    expect(cleanup.input).toMatchObject({ allow_campaign_deletion: false, backup_s3_bucket: null, stack: "campaigns-111111111111-us-east-1" });
  });

  it("outputs the role read back from IAM and the account's campaigns roles", () => {
    const readBack = only(json.data?.aws_iam_role, "aws_iam_role").__name;
    expect(json.output?.role_arn.value).toBe(`\${data.aws_iam_role.${readBack}.arn}`);
    expect(json.output?.role_name.value).toBe(`\${data.aws_iam_role.${readBack}.name}`);
    expect(json.output?.role_unique_id.value).toBe(`\${data.aws_iam_role.${readBack}.unique_id}`);
    expect(json.output?.campaigns_role_arns.value).toMatch(/^\$\{tolist\(data\.aws_iam_roles\..+\.arns\)\}$/);
  });

  it("keeps local state in the project root by default, named relative to the stack directory", () => {
    expect(json.terraform?.backend).toEqual({ local: { path: expect.stringMatching(/^(\.\.\/)+base\/terraform\.campaigns-111111111111-us-east-1\.tfstate$/) } });
  });

  it("keeps state in S3 with S3-native locking and the backend role when configured", () => {
    const s3 = synthTarget(resolved({ backend: { type: "s3", bucket: "tf-{account}", roleArn: "arn:aws:iam::{account}:role/state" } }));
    expect((s3.terraform?.backend as Record<string, unknown>).s3).toEqual({
      bucket: "tf-111111111111",
      key: "connect-campaigns/111111111111/us-east-1/terraform.tfstate",
      region: "us-east-1",
      encrypt: true,
      use_lockfile: true,
      assume_role: { role_arn: "arn:aws:iam::111111111111:role/state", session_name: "connect-campaigns-iac" },
    });
  });

  it("has no instance hooks (the account guard only) and no provider role when the target has no instances and no deploy role", () => {
    const bare = synthTarget(resolved({ instances: [] }));
    expect(Object.values(bare.resource?.terraform_data ?? {}).map((r) => (r.input as { kind?: string }).kind)).toEqual(["campaigns-account-guard"]);
    expect(bare.provider?.aws[0].assume_role).toBeUndefined();
  });
});
