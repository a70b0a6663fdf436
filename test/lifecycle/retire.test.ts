import * as fs from "node:fs";
import * as path from "node:path";
import { GetConnectInstanceConfigCommand, ListCampaignsCommand, ResourceNotFoundException } from "@aws-sdk/client-connectcampaigns";
import { reviewStack, type PlanDocument } from "../../modules/review";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount, type EmulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";

const ACCOUNT = "555555555555";
const REGION = "us-west-2";
const STACK = `campaigns-${ACCOUNT}-${REGION}`;

/**
 * Taking an instance out of a rollout, both ways, with real Terraform: dropped from the config
 * (Terraform skips its destroy hooks: campaigns stay, the instance stays onboarded, and the
 * review says so, high), and marked "retired" (a removed block runs the hooks: backups written,
 * campaigns deleted, instance offboarded). Then the whole target retired: the role goes too.
 */
describeWithTools("lifecycle: removing instances and targets, plainly and retired", terraformAndEmulator, () => {
  const running = useEmulator();
  let emulator: Emulator;
  let account: EmulatedAccount;
  let ws: LifecycleWorkspace;
  const instance = { dropped: "", retired: "", last: "" };
  const campaigns: Record<string, string[]> = {};

  const config = (instances: object[], target: object = {}): Record<string, unknown> => ({
    targets: [{ account: ACCOUNT, region: REGION, allowCampaignDeletion: true, instances, ...target }],
  });
  const listCampaigns = async (id: string) =>
    (await account.campaigns.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: id, operator: "Eq" } } }))).campaignSummaryList ?? [];
  /** Offboarded means AWS answered ResourceNotFound: AccessDenied or a dead endpoint fails the test. */
  const isOnboarded = async (id: string) =>
    account.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: id })).then(
      () => true,
      (error: unknown) => {
        if (error instanceof ResourceNotFoundException) return false;
        throw error;
      },
    );
  const backupsOf = (id: string) => {
    const dir = path.join(ws.backupDir, ACCOUNT, REGION, id);
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  };
  /** Synthesizes `cfg`, saves a plan, reviews it and applies that very plan. */
  const planReviewApply = async (cfg: Record<string, unknown>) => {
    ws.synth(cfg);
    const plan = (await ws.planJson(STACK)) as PlanDocument;
    const review = reviewStack({ source: ws.stackDir(STACK), dirName: STACK, plan });
    const apply = await ws.tf(STACK, ["apply", "-input=false", "tfplan"]);
    return { plan, review, apply };
  };

  beforeAll(async () => {
    emulator = running();
    account = await emulatedAccount(emulator, ACCOUNT, REGION);
    for (const key of Object.keys(instance) as (keyof typeof instance)[]) instance[key] = await account.createInstance();
    ws = new LifecycleWorkspace(emulator, "retire");
    ws.synth(config(Object.values(instance).map((id) => ({ id }))));
    await ws.init(STACK);
    expectOk(await ws.apply(STACK), `apply ${STACK}`);
    for (const [key, id] of Object.entries(instance)) campaigns[key] = await account.createCampaigns(id, 2, key);
  });

  it("plain removal: the hooks do not run (campaigns left, still onboarded) and the review says so, high", async () => {
    const { plan, review, apply } = await planReviewApply(config([{ id: instance.retired }, { id: instance.last }]));
    const dropped = (plan.resource_changes ?? []).filter((r) => r.address.includes(instance.dropped));
    expect(dropped.map((r) => [r.change.actions, r.action_reason])).toEqual(Array(3).fill([["delete"], "delete_because_no_resource_config"]));
    const hooks = review.changes.filter((c) => c.address.includes(instance.dropped) && !c.address.includes("kms-key-pin"));
    expect(hooks.map((c) => [c.risk, c.findings[0].rule])).toEqual(Array(2).fill(["high", "hooks-skipped-by-removal"]));
    expect(hooks.map((c) => c.findings[0].reason).join("\n")).toMatch(/cleanup hook will NOT run .* "retired": true/);
    expect(hooks.flatMap((c) => c.findings.map((f) => f.rule))).not.toContain("instance-offboarded");

    expectOk(apply, "apply of the plain removal");
    expect((await listCampaigns(instance.dropped)).map((c) => c.id).sort()).toEqual([...campaigns.dropped].sort());
    expect(await isOnboarded(instance.dropped)).toBe(true);
    expect(backupsOf(instance.dropped)).toEqual([]);
  });

  it("retired: the removed blocks run the hooks — backed up, deleted, offboarded — and the review rates it by what runs", async () => {
    const { plan, review, apply } = await planReviewApply(config([{ id: instance.retired, retired: true }, { id: instance.last }]));
    const stack = JSON.parse(fs.readFileSync(path.join(ws.stackDir(STACK), "cdk.tf.json"), "utf8"));
    expect(stack.terraform.required_version).toBe(">= 1.9.0");
    const retired = review.changes.filter((c) => c.address.includes(instance.retired) && !c.address.includes("kms-key-pin"));
    expect(retired.map((c) => c.findings[0].rule).sort()).toEqual(["campaigns-deleted-by-hook", "instance-offboarded"]);
    expect([...(plan.output_changes?.retired_resources?.after as string[])].sort()).toEqual(retired.map((c) => c.address).sort());

    expectOk(apply, "apply of the retirement");
    expect(await listCampaigns(instance.retired)).toEqual([]);
    expect(backupsOf(instance.retired)).toEqual(campaigns.retired.map((id) => `${id}.json`).sort());
    expect(await isOnboarded(instance.retired)).toBe(false);
    // The other instance is untouched; the retired one can now leave the config for good.
    expect(await listCampaigns(instance.last)).toHaveLength(2);
    ws.synth(config([{ id: instance.last }]));
    const after = (await ws.planJson(STACK)) as PlanDocument;
    expect((after.resource_changes ?? []).filter((r) => !r.change.actions.includes("no-op") && !r.change.actions.includes("read"))).toEqual([]);
    expectOk(await ws.tf(STACK, ["apply", "-input=false", "tfplan"]), "apply after dropping the retired instance");
  });

  it("a retired target: its instances cleaned up and offboarded, then its role deleted", async () => {
    const first = await planReviewApply(config([{ id: instance.last }], { retired: true }));
    // The plain removal's leftovers would stop the role's deletion (AWS refuses while campaigns
    // use it): the account guard runs first and refuses, naming that instance; nothing touched.
    expect(first.apply.code).toBe(1);
    // Terraform wraps the provisioner's output and prefixes the hook's lines: compare words only.
    const words = first.apply.stderr.replace(new RegExp(`${STACK}: `, "g"), "").replace(/\s+/g, " ");
    expect(words).toContain("refusing to delete the campaigns role");
    expect(words).toContain(`- ${REGION}, instance ${instance.dropped}: 2 campaign(s), onboarded`);
    expect(await listCampaigns(instance.last)).toHaveLength(2);
    expect(await isOnboarded(instance.last)).toBe(true);
    // What the operator does about the leftovers (the cleanup command, by hand: delete, offboard), then apply again.
    const { DeleteCampaignCommand, DeleteConnectInstanceConfigCommand } = await import("@aws-sdk/client-connectcampaigns");
    for (const id of campaigns.dropped) await account.campaigns.send(new DeleteCampaignCommand({ id }));
    await account.campaigns.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instance.dropped }));
    const { apply } = await planReviewApply(config([{ id: instance.last }], { retired: true }));
    expectOk(apply, "apply of the retired target");
    expect(await listCampaigns(instance.last)).toEqual([]);
    expect(backupsOf(instance.last)).toHaveLength(2);
    expect(await isOnboarded(instance.last)).toBe(false);
    expect(await ws.stateList(STACK)).toEqual([]);
  });
});
