import * as fs from "node:fs";
import * as path from "node:path";
import { GetRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { DescribeCampaignCommand, GetConnectInstanceConfigCommand, ListCampaignsCommand } from "@aws-sdk/client-connectcampaigns";
import { serializeCampaign } from "../../modules/hooks/runtime";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount, EmulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";

const ROLE_PATH = "/aws-service-role/connect-campaigns.amazonaws.com/";

/**
 * The main job, as a pipeline runs it: two targets (two accounts, one instance each, one with a
 * KMS key) applied, re-planned, filled with campaigns and destroyed — once with deletion allowed,
 * once without.
 */
describeWithTools("lifecycle: apply, re-plan and destroy two targets with real Terraform", terraformAndEmulator, () => {
  const running = useEmulator();
  let emulator: Emulator;
  let ws: LifecycleWorkspace;
  let allowed: EmulatedAccount;
  let guarded: EmulatedAccount;
  const instance: Record<string, string> = {};
  let kmsKeyArn: string;
  const stack = { allowed: "campaigns-111111111111-us-east-1", guarded: "campaigns-222222222222-eu-west-2" };

  beforeAll(async () => {
    emulator = running();
    [allowed, guarded] = await Promise.all([emulatedAccount(emulator, "111111111111", "us-east-1"), emulatedAccount(emulator, "222222222222", "eu-west-2")]);
    instance.allowed = await allowed.createInstance();
    instance.guarded = await guarded.createInstance();
    kmsKeyArn = await allowed.createKmsKey();
    ws = new LifecycleWorkspace(emulator, "two-targets");
    ws.synth({
      defaults: { tags: { team: "contact-center" } },
      targets: [
        { account: "111111111111", region: "us-east-1", allowCampaignDeletion: true, instances: [{ id: instance.allowed, kmsKeyArn }] },
        { account: "222222222222", region: "eu-west-2", role: { mode: "create", customSuffix: "eu" }, instances: [{ id: instance.guarded }] },
      ],
    });
    await Promise.all(Object.values(stack).map((id) => ws.init(id)));
    const applies = await Promise.all(Object.values(stack).map((id) => ws.apply(id)));
    applies.forEach((result, i) => expectOk(result, `apply ${Object.values(stack)[i]}`));
  });

  it("creates the role trusting connect-campaigns.amazonaws.com and reads back what IAM holds", async () => {
    for (const [id, account] of [[stack.allowed, allowed], [stack.guarded, guarded]] as const) {
      const outputs = await ws.outputs(id);
      const { Role: role } = await account.iam.send(new GetRoleCommand({ RoleName: outputs.role_name as string }));
      expect(role?.Path).toBe(ROLE_PATH);
      const trust = JSON.parse(decodeURIComponent(role!.AssumeRolePolicyDocument!)) as { Statement: { Principal: { Service: string } }[] };
      expect(trust.Statement.map((s) => s.Principal.Service)).toEqual(["connect-campaigns.amazonaws.com"]);
      const { Roles: all } = await account.iam.send(new ListRolesCommand({ PathPrefix: ROLE_PATH }));
      expect(outputs).toEqual({
        role_arn: role!.Arn,
        role_name: role!.RoleName,
        role_unique_id: role!.RoleId,
        campaigns_role_arns: all!.map((r) => r.Arn),
      });
    }
    expect((await ws.outputs(stack.guarded)).role_name).toBe("AWSServiceRoleForConnectCampaigns_eu");
  });

  it("onboards each instance and links it to the stack's campaigns role, with the KMS key where configured", async () => {
    const config = await allowed.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instance.allowed }));
    expect(config.connectInstanceConfig).toMatchObject({
      serviceLinkedRoleArn: (await ws.outputs(stack.allowed)).role_arn,
      encryptionConfig: { enabled: true, encryptionType: "KMS", keyArn: kmsKeyArn },
    });
    const guardedConfig = await guarded.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instance.guarded }));
    expect(guardedConfig.connectInstanceConfig?.serviceLinkedRoleArn).toBe((await ws.outputs(stack.guarded)).role_arn);
  });

  it("plans no changes right after apply", async () => {
    const plans = await Promise.all(Object.values(stack).map((id) => ws.planExitCode(id)));
    for (const plan of plans) {
      expect(plan.stderr).toBe("");
      expect(plan.code).toBe(0);
    }
  });

  it("destroys with deletion allowed: every campaign backed up, then deleted; instance offboarded; role and state gone", async () => {
    const ids = await allowed.createCampaigns(instance.allowed, 30);
    const described = await Promise.all(ids.map(async (id) => (await allowed.campaigns.send(new DescribeCampaignCommand({ id }))).campaign!));

    const destroy = await ws.destroy(stack.allowed);
    expectOk(destroy, `destroy ${stack.allowed}`);
    expect(destroy.stdout).toMatch(/"event":"cleanup-summary".*"found":30.*"backedUp":30.*"deleted":30/);

    const backupDir = path.join(ws.backupDir, "111111111111", "us-east-1", instance.allowed);
    expect(fs.readdirSync(backupDir).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
    for (const campaign of described) {
      const file = fs.readFileSync(path.join(backupDir, `${campaign.id}.json`), "utf8");
      expect(file).toBe(serializeCampaign(campaign, (JSON.parse(file) as { backedUpAt: string }).backedUpAt));
    }
    const left = await allowed.campaigns.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: instance.allowed, operator: "Eq" } } }));
    expect(left.campaignSummaryList).toEqual([]);
    await expect(allowed.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instance.allowed }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    const { Roles: roles } = await allowed.iam.send(new ListRolesCommand({ PathPrefix: ROLE_PATH }));
    expect(roles).toEqual([]);
    expect(await ws.stateList(stack.allowed)).toEqual([]);
  });

  it("refuses to destroy when deletion is not allowed: the hook names the campaigns, nothing is deleted", async () => {
    const ids = await guarded.createCampaigns(instance.guarded, 3, "keep");
    const destroy = await ws.destroy(stack.guarded);
    expect(destroy.code).not.toBe(0);
    const output = destroy.stdout + destroy.stderr;
    expect(output).toContain("allowCampaignDeletion");
    for (const name of ["keep-1", "keep-2", "keep-3"]) expect(output).toContain(name);

    const left = await guarded.campaigns.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: instance.guarded, operator: "Eq" } } }));
    expect(left.campaignSummaryList?.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(fs.existsSync(path.join(ws.backupDir, "222222222222"))).toBe(false);
    const { Role: role } = await guarded.iam.send(new GetRoleCommand({ RoleName: "AWSServiceRoleForConnectCampaigns_eu" }));
    expect(role?.Path).toBe(ROLE_PATH);
    await expect(guarded.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instance.guarded }))).resolves.toBeDefined();
    // role, onboarding, its KMS key pin, cleanup, account guard (the read-backs aside)
    expect((await ws.stateList(stack.guarded)).filter((a) => !a.startsWith("data.")).length).toBe(5);
  });
});
