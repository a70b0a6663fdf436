import * as fs from "node:fs";
import * as path from "node:path";
import { GetConnectInstanceConfigCommand, ListCampaignsCommand, StartInstanceOnboardingJobCommand } from "@aws-sdk/client-connectcampaigns";
import { GetRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount, type EmulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { runBin } from "../support/bin";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";
import { withoutAwsVariables } from "../support/process-env";

const ACCOUNT = "444444444444";
const OWNER = "us-east-1";
const OBSERVER = "eu-west-2";
const ROLE_PATH = "/aws-service-role/connect-campaigns.amazonaws.com/";
const stackOf = (region: string) => `campaigns-${ACCOUNT}-${region}`;
/** Terraform wraps a provisioner's error output and prefixes the hook's lines: compare words only. */
const words = (text: string) => text.replace(new RegExp(`${stackOf(OWNER)}: `, "g"), "").replace(/\s+/g, " ");

/**
 * With real Terraform: one account in two Regions (us-east-1 owns the role, eu-west-2
 * observes it), campaigns on both instances. Destroying the owner first is refused by the account
 * guard before anything is touched, naming eu-west-2; an instance outside the config in the
 * owner's Region is refused likewise; observer then owner deletes everything, backed up, in the
 * order guard → cleanup → offboarding → role; review --live and cleanup --dry-run name the same blocker first.
 */
describeWithTools("lifecycle: the account guard before the role, one account in two Regions", terraformAndEmulator, () => {
  const running = useEmulator({ onboardingPolls: 0 }); // onboarding by hand (the stray instance) completes at once
  let emulator: Emulator;
  let ws: LifecycleWorkspace;
  let east: EmulatedAccount;
  let west: EmulatedAccount;
  const instance = { east: "", west: "" };
  const campaigns: Record<string, string[]> = {};

  const list = async (account: EmulatedAccount, id: string) =>
    ((await account.campaigns.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: id, operator: "Eq" } } }))).campaignSummaryList ?? []).map((c) => c.id!).sort();
  const onboarded = (account: EmulatedAccount, id: string) =>
    account.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: id })).then(() => true, () => false);
  const roles = async () => (await east.iam.send(new ListRolesCommand({ PathPrefix: ROLE_PATH }))).Roles ?? [];
  const expectUntouched = async () => {
    expect(await list(east, instance.east)).toEqual([...campaigns.east].sort());
    expect(await list(west, instance.west)).toEqual([...campaigns.west].sort());
    expect(await onboarded(east, instance.east)).toBe(true);
    expect(await onboarded(west, instance.west)).toBe(true);
    expect(await roles()).toHaveLength(1);
    expect(fs.existsSync(ws.backupDir)).toBe(false);
  };

  beforeAll(async () => {
    emulator = running();
    [east, west] = await Promise.all([emulatedAccount(emulator, ACCOUNT, OWNER), emulatedAccount(emulator, ACCOUNT, OBSERVER)]);
    instance.east = await east.createInstance();
    instance.west = await west.createInstance();
    ws = new LifecycleWorkspace(emulator, "account-guard");
    ws.synth({
      defaults: { allowCampaignDeletion: true },
      targets: [
        { account: ACCOUNT, region: OWNER, instances: [{ id: instance.east }] },
        { account: ACCOUNT, region: OBSERVER, role: { mode: "observe" }, instances: [{ id: instance.west }] },
      ],
    });
    for (const region of [OWNER, OBSERVER]) {
      await ws.init(stackOf(region));
      expectOk(await ws.apply(stackOf(region)), `apply ${stackOf(region)}`);
    }
    campaigns.east = await east.createCampaigns(instance.east, 3, "east");
    campaigns.west = await west.createCampaigns(instance.west, 3, "west");
  });

  it("destroying the owner first is refused before anything is touched, naming eu-west-2 and its stack", async () => {
    const destroy = await ws.destroy(stackOf(OWNER));
    expect(destroy.code).toBe(1);
    expect(words(destroy.stderr)).toContain("refusing to delete the campaigns role");
    expect(words(destroy.stderr)).toContain(`- ${OBSERVER}, instance ${instance.west}: 3 campaign(s), onboarded — held by stack ${stackOf(OBSERVER)}: destroy it first`);
    expect(destroy.stdout).not.toContain("cleanup-summary");
    await expectUntouched();
    // Every resource still in state: the guard, the cleanup, the onboarding and its key pin, the role (and the two read-backs).
    const state = await ws.stateList(stackOf(OWNER));
    expect(state.filter((a) => !a.startsWith("data."))).toHaveLength(5);
    expect(state.some((a) => a.startsWith("terraform_data.account-guard_"))).toBe(true);
  });

  it("review --live of the owner's destroy plan and cleanup --dry-run show the same finding before anything runs", async () => {
    const env = { ...withoutAwsVariables(), ...ws.env };
    await ws.planJson(stackOf(OWNER), ["-destroy"]);
    const review = await runBin(["review", "--live", "--json", "--fail-on", "high", ws.stackDir(stackOf(OWNER))], { env });
    expect(review.code).toBe(2);
    const [stack] = JSON.parse(review.stdout).stacks;
    const role = stack.changes.find((c: { type: string }) => c.type === "aws_iam_service_linked_role");
    const blocked = role.findings.find((f: { rule: string }) => f.rule === "role-deletion-blocked");
    expect(blocked).toMatchObject({ risk: "high" });
    expect(blocked.reason).toMatch(new RegExp(`^blocked by .*${OBSERVER}, instance ${instance.west}: 3 campaign\\(s\\)`));

    const dryRun = await runBin(["cleanup", "--config", ws.configFile, "--stack", stackOf(OWNER), "--dry-run", "--json"], { cwd: ws.dir, env });
    expect(dryRun.code).toBe(0);
    expect(words(dryRun.stderr)).toContain(`- ${OBSERVER}, instance ${instance.west}: 3 campaign(s), onboarded — held by stack ${stackOf(OBSERVER)}: destroy it first`);
    await expectUntouched();
  });

  it("an instance outside the config with campaigns in the owner's Region is refused, naming it", async () => {
    const stray = await east.createInstance();
    await east.campaigns.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: stray, encryptionConfig: { enabled: false } }));
    const strayCampaigns = await east.createCampaigns(stray, 2, "console");
    try {
      const destroy = await ws.destroy(stackOf(OWNER));
      expect(destroy.code).toBe(1);
      expect(words(destroy.stderr)).toContain(`- ${OWNER}, instance ${stray}: 2 campaign(s), onboarded — not in ${stackOf(OWNER)}'s config`);
      await expectUntouched();
      expect(await list(east, stray)).toEqual([...strayCampaigns].sort());
    } finally {
      // Cleaned up by hand (what the message asks), so the next test starts from the two stacks only.
      const { DeleteCampaignCommand, DeleteConnectInstanceConfigCommand } = await import("@aws-sdk/client-connectcampaigns");
      for (const id of strayCampaigns) await east.campaigns.send(new DeleteCampaignCommand({ id }));
      await east.campaigns.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: stray }));
    }
  });

  it("observer then owner: everything deleted, every campaign backed up, the role gone; the log shows guard → cleanup → offboarding → role", async () => {
    expectOk(await ws.destroy(stackOf(OBSERVER)), `destroy ${stackOf(OBSERVER)}`);
    const destroy = await ws.destroy(stackOf(OWNER));
    expectOk(destroy, `destroy ${stackOf(OWNER)}`);
    // The order, as Terraform logged it (kept for the README's figure).
    fs.writeFileSync(path.join(ws.dir, "owner-destroy.log"), destroy.stdout);
    console.log(destroy.stdout.split("\n").filter((l) => /(Destroying|Destruction complete|account guard:)/.test(l)).join("\n"));

    // Terraform's own lines: the guard is destroyed (its hook runs) before the cleanup hook, the cleanup before the offboarding, all before the role.
    const at = (pattern: RegExp) => {
      const index = destroy.stdout.search(pattern);
      expect(index).toBeGreaterThanOrEqual(0);
      return index;
    };
    const guard = at(/terraform_data\.account-guard_\w+: Destruction complete/);
    const cleanupStart = at(/terraform_data\.campaign-cleanup-[\w-]+_\w+: Destroying/);
    const offboardStart = at(/terraform_data\.onboarding-[\w-]+_\w+: Destroying/);
    const roleStart = at(/aws_iam_service_linked_role\.role_\w+: Destroying/);
    expect(at(/account guard: \d+ Region\(s\) scanned, nothing outside this destroy uses the campaigns role/)).toBeLessThan(guard);
    expect(guard).toBeLessThan(cleanupStart);
    expect(cleanupStart).toBeLessThan(offboardStart);
    expect(offboardStart).toBeLessThan(roleStart);

    for (const [region, account, id, key] of [[OWNER, east, instance.east, "east"], [OBSERVER, west, instance.west, "west"]] as const) {
      expect(await list(account, id)).toEqual([]);
      expect(fs.readdirSync(path.join(ws.backupDir, ACCOUNT, region, id)).sort()).toEqual(campaigns[key].map((c) => `${c}.json`).sort());
    }
    expect(await roles()).toEqual([]);
    await expect(east.iam.send(new GetRoleCommand({ RoleName: "AWSServiceRoleForConnectCampaigns" }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
    expect(await ws.stateList(stackOf(OWNER))).toEqual([]);
  });
});
