import * as fs from "node:fs";
import * as path from "node:path";
import { GetConnectInstanceConfigCommand } from "@aws-sdk/client-connectcampaigns";
import type { PlanDocument } from "../../modules/review";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount, type EmulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";
import { scratchDir } from "../support/terraform";

const ACCOUNT = "666666666666";
const REGION = "ap-southeast-2";
const STACK = `campaigns-${ACCOUNT}-${REGION}`;

/**
 * A pipeline: the plan job synthesizes and plans in one checkout, the apply job applies that plan
 * file in another checkout at another path. Then, in that checkout: a change of
 * allowCampaignDeletion touches only the cleanup hook, a KMS key change is refused at plan time,
 * and destroy writes its backups under the checkout that runs it.
 */
describeWithTools("lifecycle: plan in one checkout, apply in another; one input per hook", terraformAndEmulator, () => {
  const running = useEmulator();
  let emulator: Emulator;
  let account: EmulatedAccount;
  let instance: string;
  let keys: string[];
  let planner: LifecycleWorkspace;
  let applier: LifecycleWorkspace;
  // The default backend: local state in the project root, named relative to the stack directory.
  const config = (target: Record<string, unknown>) => ({
    defaults: { backend: { type: "local" } },
    targets: [{ account: ACCOUNT, region: REGION, instances: [{ id: instance, kmsKeyArn: keys[0] }], ...target }],
  });

  beforeAll(async () => {
    emulator = running();
    account = await emulatedAccount(emulator, ACCOUNT, REGION);
    instance = await account.createInstance();
    keys = [await account.createKmsKey(), await account.createKmsKey()];
  });

  it("applies in checkout B the plan file made in checkout A", async () => {
    planner = new LifecycleWorkspace(emulator, "plan-job");
    planner.synth(config({}));
    await planner.init(STACK);
    expectOk(await planner.tf(STACK, ["plan", "-input=false", "-out=tfplan"]), "plan in checkout A");

    // The apply job: another runner, another path, the same files (the pipeline's artifact).
    const cloneDir = path.join(scratchDir("apply-job"), "deeper", "checkout");
    fs.cpSync(planner.dir, cloneDir, { recursive: true });
    applier = new LifecycleWorkspace(emulator, "apply-job", cloneDir);
    await applier.init(STACK);
    expectOk(await applier.tf(STACK, ["apply", "-input=false", "tfplan"]), "apply in checkout B");

    expect(fs.existsSync(path.join(cloneDir, `terraform.${STACK}.tfstate`))).toBe(true);
    expect(fs.existsSync(path.join(planner.dir, `terraform.${STACK}.tfstate`))).toBe(false);
    const onboarded = await account.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instance }));
    expect(onboarded.connectInstanceConfig?.encryptionConfig).toMatchObject({ enabled: true, keyArn: keys[0] });
    expect((await applier.planExitCode(STACK)).code).toBe(0);
  });

  it("a change of allowCampaignDeletion updates the two hooks that read it at destroy (cleanup, account guard), never the onboarding", async () => {
    applier.synth(config({ allowCampaignDeletion: true }));
    const plan = (await applier.planJson(STACK)) as PlanDocument;
    const changed = (plan.resource_changes ?? []).filter((r) => !r.change.actions.every((a) => a === "no-op" || a === "read"));
    expect(changed.map((r) => [r.address.replace(/_[0-9A-F]{8}$/, "").replace(instance, "<instance>"), r.change.actions])).toEqual([
      // The guard refuses up front when this stack's own campaigns could not be deleted.
      ["terraform_data.account-guard", ["update"]],
      ["terraform_data.campaign-cleanup-<instance>_cleanup", ["update"]],
    ]);
    expectOk(await applier.tf(STACK, ["apply", "-input=false", "tfplan"]), "apply of allowCampaignDeletion");
  });

  it("a KMS key change fails the plan, saying how to change the key", async () => {
    applier.synth(config({ allowCampaignDeletion: true, instances: [{ id: instance, kmsKeyArn: keys[1] }] }));
    const plan = await applier.tf(STACK, ["plan", "-input=false", "-no-color"]);
    expect(plan.code).toBe(1);
    const message = plan.stderr.replace(/\s+/g, " ");
    expect(message).toContain(`instance ${instance} was onboarded with KMS key ${keys[0]}; the configuration now asks for ${keys[1]}`);
    expect(message).toContain('set "retired": true on the instance and apply');
  });

  it("destroy backs up under the checkout that runs it", async () => {
    applier.synth(config({ allowCampaignDeletion: true }));
    const ids = await account.createCampaigns(instance, 2);
    expectOk(await applier.destroy(STACK), "destroy in checkout B");
    const backups = path.join(applier.dir, "campaign-backups", ACCOUNT, REGION, instance);
    expect(fs.readdirSync(backups).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
    expect(fs.existsSync(path.join(planner.dir, "campaign-backups"))).toBe(false);
  });
});
