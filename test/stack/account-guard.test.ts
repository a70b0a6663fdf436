// The account guard in the synthesized stacks: in every stack that deletes the role (create,
// adopt, a retired target's removed blocks), destroyed before every cleanup hook and the role,
// with the account's other targets and every Region to scan in its input.
import { Testing } from "cdktf";
import { CampaignsAccountGuard } from "../../modules/hooks/account-guard";
import { parseRolloutConfig } from "../../modules/rollout";
import { CampaignsTargetStack } from "../../modules/stack";
import { CAMPAIGNS_REGIONS } from "../../modules/rollout";
import { synthJson } from "../support/synth";

const A = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const B = "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";
const ACCOUNT = "111111111111";

function synthAll(targets: Record<string, unknown>[]) {
  const rollout = parseRolloutConfig(JSON.stringify({ targets: targets.map((t) => ({ account: ACCOUNT, ...t })) }), "rollout.json", "/base");
  return rollout.targets.map((t) => {
    const json = synthJson(new CampaignsTargetStack(Testing.app(), t));
    return json as typeof json & { removed?: { from: string; provisioner?: Record<string, { command: string; when: string }>[] }[] };
  });
}

const byKind = (json: ReturnType<typeof synthAll>[number], kind: string) =>
  Object.entries(json.resource?.terraform_data ?? {}).filter(([, r]) => (r.input as { kind?: string }).kind === kind);

describe("the account guard in the stacks", () => {
  const [owner, observer, unlisted] = synthAll([
    { region: "us-east-1", instances: [{ id: A }, { id: B }], allowCampaignDeletion: true },
    { region: "eu-west-2", role: { mode: "observe" }, instances: [{ id: A }] },
    { region: "eu-west-1", role: { mode: "observe" }, allowUnlistedRegion: true },
  ]);

  it("an owner's guard depends on every cleanup hook and the role (Terraform destroys it before them) and runs account-guard at destroy only", () => {
    const [[name, guard]] = byKind(owner, "campaigns-account-guard");
    expect(name).toMatch(/^account-guard_/);
    const cleanups = byKind(owner, "campaigns-cleanup").map(([n]) => `terraform_data.${n}`);
    expect(cleanups).toHaveLength(2);
    const role = Object.keys(owner.resource?.aws_iam_service_linked_role ?? {}).map((n) => `aws_iam_service_linked_role.${n}`);
    expect([...(guard.depends_on as string[])].sort()).toEqual([...role, ...cleanups].sort());
    const provisioners = guard.provisioner as Record<string, { command: string; when?: string; environment: Record<string, string> }>[];
    expect(provisioners.map((p) => [p["local-exec"].when, p["local-exec"].command.split(" ").pop()])).toEqual([["destroy", "account-guard"]]);
    // Config values reach the hook through its input only, never the command line.
    expect(provisioners[0]["local-exec"].environment).toEqual({ CAMPAIGNS_HOOK_INPUT: "${jsonencode(self.input)}" });
  });

  it("its input: every listed Region plus the account's unlisted one, the stack's instances, the account's other targets", () => {
    const [[, guard]] = byKind(owner, "campaigns-account-guard");
    expect(guard.input).toMatchObject({
      kind: "campaigns-account-guard",
      stack: `campaigns-${ACCOUNT}-us-east-1`,
      account: ACCOUNT,
      region: "us-east-1",
      deploy_role_arn: null,
      regions: [...Object.keys(CAMPAIGNS_REGIONS), "eu-west-1"].sort(),
      instance_ids: [A, B],
      allow_campaign_deletion: true,
      account_targets: [
        { region: "eu-west-2", stack: `campaigns-${ACCOUNT}-eu-west-2`, retired: false },
        { region: "eu-west-1", stack: `campaigns-${ACCOUNT}-eu-west-1`, retired: false },
      ],
    });
    expect((guard.input as { role_arn: string }).role_arn).toMatch(/^\$\{data\.aws_iam_role\./);
  });

  it("observers delete no role and carry no guard", () => {
    expect(byKind(observer, "campaigns-account-guard")).toEqual([]);
    expect(byKind(unlisted, "campaigns-account-guard")).toEqual([]);
  });

  it("a retired owner runs its guard first, through a removed block", () => {
    // The config refuses to retire an owner while another target of its account stays (rules/), so the observer goes too.
    const [retired] = synthAll([{ region: "us-east-1", instances: [{ id: A }], retired: true }, { region: "eu-west-2", role: { mode: "observe" }, retired: true }]);
    const guard = retired.removed?.find((r) => r.from.startsWith("terraform_data.account-guard_"));
    expect(guard?.provisioner?.map((p) => [p["local-exec"].when, p["local-exec"].command.split(" ").pop()])).toEqual([["destroy", "account-guard"]]);
  });

  it("refuses bad props, naming the construct and the prop", () => {
    const stack = new CampaignsTargetStack(Testing.app(), parseRolloutConfig(JSON.stringify({ targets: [{ account: ACCOUNT, region: "us-east-1" }] }), "r.json", "/base").targets[0]);
    const props = { stack: "s", account: ACCOUNT, region: "us-east-1", roleArn: "arn:aws:iam::111111111111:role/x", role: stack.role!.dependable, cleanupHooks: [] };
    expect(() => new CampaignsAccountGuard(stack, "g1", { ...props, regions: ["Mars"] })).toThrow(/g1: props\.regions\[0\]: expected an AWS Region code like us-east-1, got "Mars"/);
    expect(() => new CampaignsAccountGuard(stack, "g2", { ...props, account: "12" })).toThrow(/g2: props\.account: expected a 12-digit AWS account id, got "12"/);
  });
});
