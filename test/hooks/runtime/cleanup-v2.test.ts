// The destroy hook and restore with outbound campaigns v2 (connectcampaignsv2), bundled
// and run as Terraform runs them, against the emulator's v2 API over real HTTP.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeWithEmulator, REGION, type Emulator, useEmulator } from "../../emulator/emulator";
import { planCleanup, restoreBackups, serializeCampaign, serializeCampaignV2 } from "../../../modules/hooks/runtime";
import { HookExit } from "../../../modules/hooks/contract";
import {
  ACCOUNT,
  buildBundle,
  campaignsClient,
  createCampaigns,
  createInstance,
  describe as describeV1,
  FAST_QUOTAS,
  hookInput,
  listNames,
  onboardingHookInput,
  runBundle,
  summaryOf,
  expectBackupFile,
} from "./fixtures";
import { campaignsV2Client, createV2Campaigns, describeV2, listV2, V2_CHANNEL_SUBTYPES } from "./v2-fixtures";

const silent = { stdout: { write: () => true }, stderr: { write: () => true }, jsonSummary: false } as const;

describeWithEmulator("cleanup and restore of v2 campaigns (bundled)", () => {
  // The code under test builds its clients from the default chain, as the CLI does.
  const running = useEmulator({ defaultChain: true, reset: "test" });
  let emulator: Emulator;
  let bundle: string;

  beforeAll(async () => {
    bundle = buildBundle();
    emulator = running();
  });
  beforeEach(() => emulator.resetStats());

  const backupFile = (dir: string, instanceId: string, id: string) => join(dir, ACCOUNT, REGION, instanceId, `${id}.json`);

  test("mixed v1 and v2 on one instance, every v2 channel subtype: each backed up in its API's format and deleted through it", async () => {
    const v1 = campaignsClient(emulator);
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    const v1Ids = await createCampaigns(v1, instanceId, 2);
    const v2Ids = await createV2Campaigns(v2, instanceId, V2_CHANNEL_SUBTYPES.length, { running: 1, paused: 1 });
    const expected = new Map<string, (backedUpAt: string) => string>();
    for (const id of v1Ids) {
      const described = await describeV1(v1, id);
      expected.set(id, (at) => serializeCampaign(described, at));
    }
    for (const id of v2Ids) {
      const described = await describeV2(v2, id);
      expected.set(id, (at) => serializeCampaignV2(described, at));
    }
    const input = hookInput(instanceId);
    await emulator.resetStats();

    const run = await runBundle(bundle, emulator, "cleanup", input);
    const { requests } = await emulator.stats();

    expect(run.stderr).toBe("");
    expect(run.code).toBe(HookExit.ok);
    expect(summaryOf(run)).toMatchObject({ found: 6, backedUp: 6, stopped: 2, deleted: 6, alreadyGone: 0 });
    expect(run.stdout).toContain(`"v2-000" (${v2Ids[0]}, v2): backed up → stopped → deleted`);
    expect(run.stdout).toContain(`"campaign-000" (${v1Ids[0]}): backed up → deleted`);
    for (const [id, content] of expected) expectBackupFile(backupFile(input.backup_dir, instanceId, id), content);
    // v1 backups keep their format (no `api` member, the campaign's members at the top); v2 ones say which API restores them.
    expect(JSON.parse(readFileSync(backupFile(input.backup_dir, instanceId, v1Ids[0]), "utf8"))).not.toHaveProperty("api");
    expect(JSON.parse(readFileSync(backupFile(input.backup_dir, instanceId, v1Ids[0]), "utf8"))).toMatchObject({ id: v1Ids[0] });
    expect(JSON.parse(readFileSync(backupFile(input.backup_dir, instanceId, v2Ids[0]), "utf8"))).toMatchObject({ api: "connectcampaignsv2", campaign: { id: v2Ids[0] } });
    expect(await listNames(v1, instanceId)).toEqual([]);
    expect(await listV2(v2, instanceId)).toEqual([]);
    // The minimum per API: list, describe each, one state batch, stop the active, delete each, list again.
    expect(requests).toEqual({
      ListCampaigns: 2,
      DescribeCampaign: 2,
      GetCampaignStateBatch: 1,
      DeleteCampaign: 2,
      "v2:ListCampaigns": 2,
      "v2:DescribeCampaign": 4,
      "v2:GetCampaignStateBatch": 1,
      "v2:StopCampaign": 2,
      "v2:DeleteCampaign": 4,
    });
  });

  test("v2 also answering for v1 campaigns (same ARN): each campaign found once, handled through v2, backed up and deleted once", async () => {
    const v1 = campaignsClient(emulator);
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    const v1Ids = await createCampaigns(v1, instanceId, 3);
    const v2Ids = await createV2Campaigns(v2, instanceId, 2);
    const input = hookInput(instanceId);
    await emulator.configure({ v1CampaignsInV2: true });
    try {
      const expected = new Map<string, (backedUpAt: string) => string>();
      for (const id of [...v1Ids, ...v2Ids]) {
        const described = await describeV2(v2, id);
        expected.set(id, (at) => serializeCampaignV2(described, at));
      }
      await emulator.resetStats();
      const run = await runBundle(bundle, emulator, "cleanup", input);
      const { requests } = await emulator.stats();
      expect(run.code).toBe(HookExit.ok);
      expect(summaryOf(run)).toMatchObject({ found: 5, backedUp: 5, deleted: 5, alreadyGone: 0 });
      // v2 describes everything v1 does: the campaign both list goes through v2, once.
      for (const [id, content] of expected) expectBackupFile(backupFile(input.backup_dir, instanceId, id), content);
      expect(requests).toEqual({ ListCampaigns: 2, "v2:ListCampaigns": 2, "v2:DescribeCampaign": 5, "v2:GetCampaignStateBatch": 1, "v2:DeleteCampaign": 5 });
      expect(await listNames(v1, instanceId)).toEqual([]);
    } finally {
      await emulator.configure({ v1CampaignsInV2: false });
    }
  });

  test("120 v2 campaigns over 3 pages, 10 active: all stopped as needed, backed up, deleted; another instance untouched", async () => {
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    const otherInstance = await createInstance(emulator);
    const ids = await createV2Campaigns(v2, instanceId, 120, { running: 6, paused: 4 });
    await createV2Campaigns(v2, otherInstance, 2);
    const input = hookInput(instanceId);
    await emulator.resetStats();

    const run = await runBundle(bundle, emulator, "cleanup", input);
    const { requests } = await emulator.stats();

    expect(run.code).toBe(HookExit.ok);
    expect(summaryOf(run)).toMatchObject({ found: 120, backedUp: 120, stopped: 10, deleted: 120 });
    expect(readdirSync(join(input.backup_dir, ACCOUNT, REGION, instanceId)).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
    expect(await listV2(v2, instanceId)).toEqual([]);
    expect((await listV2(v2, otherInstance)).map((c) => c.name)).toEqual(["v2-000", "v2-001"]);
    expect(requests).toEqual({
      ListCampaigns: 2,
      "v2:ListCampaigns": 3 + 1,
      "v2:DescribeCampaign": 120,
      "v2:GetCampaignStateBatch": 5,
      "v2:StopCampaign": 10,
      "v2:DeleteCampaign": 120,
    });
  });

  test("guard: v2 campaigns and deletion not allowed → exit 3, each named as v2, nothing deleted, no backups", async () => {
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    const ids = await createV2Campaigns(v2, instanceId, 2, { running: 1 });
    const input = hookInput(instanceId, { allow_campaign_deletion: false });

    const run = await runBundle(bundle, emulator, "cleanup", input);

    expect(run.code).toBe(HookExit.refused);
    expect(summaryOf(run)).toMatchObject({ found: 2, deleted: 0, refused: true });
    expect(run.stderr).toContain(`"v2-000" (${ids[0]}, v2 TELEPHONY)`);
    expect(run.stderr).toContain(`"v2-001" (${ids[1]}, v2 SMS)`);
    expect((await listV2(v2, instanceId)).map((c) => c.name)).toEqual(["v2-000", "v2-001"]);
    expect(existsSync(join(input.backup_dir, ACCOUNT))).toBe(false);
  });

  test("dry run lists v1 and v2 campaigns with their API and state, and changes nothing", async () => {
    const v1 = campaignsClient(emulator);
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    await createCampaigns(v1, instanceId, 1);
    await createV2Campaigns(v2, instanceId, 2, { running: 1 });
    const plan = await planCleanup(hookInput(instanceId), { env: FAST_QUOTAS, output: silent });
    expect(plan.campaigns.map((c) => [c.name, c.api, c.channelSubtypes, c.state]).sort()).toEqual([
      ["campaign-000", "v1", undefined, "Initialized"],
      ["v2-000", "v2", ["TELEPHONY"], "Running"],
      ["v2-001", "v2", ["SMS"], "Initialized"],
    ]);
    expect(plan.summary).toMatchObject({ found: 3, wouldStop: 1 });
    expect(await listV2(v2, instanceId)).toHaveLength(2);
  });

  test("20% of requests throttled: every v1 and v2 campaign still backed up and deleted", async () => {
    const v1 = campaignsClient(emulator);
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    await createCampaigns(v1, instanceId, 10);
    await createV2Campaigns(v2, instanceId, 30, { running: 3 });
    const input = hookInput(instanceId);
    await emulator.configure({ throttleFraction: 0.2, seed: 11 });
    try {
      const run = await runBundle(bundle, emulator, "cleanup", input);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(HookExit.ok);
      expect(summaryOf(run)).toMatchObject({ found: 40, backedUp: 40, deleted: 40 });
      expect((await emulator.stats()).throttled).toBeGreaterThan(10);
    } finally {
      await emulator.configure({ throttleFraction: 0 });
    }
    expect(await listV2(v2, instanceId)).toEqual([]);
    expect(await listNames(v1, instanceId)).toEqual([]);
  });

  test("SIGKILL midway, re-run: every v2 campaign deleted, every backup complete and byte-equal", async () => {
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    const ids = await createV2Campaigns(v2, instanceId, 75, { running: 2 });
    const before = new Map<string, (backedUpAt: string) => string>();
    for (const id of ids) {
      const described = await describeV2(v2, id);
      before.set(`${id}.json`, (at) => serializeCampaignV2(described, at));
    }
    const input = hookInput(instanceId);
    const deletions = (stdout: string) => stdout.match(/→ deleted\n/g)?.length ?? 0;

    const killed = await runBundle(bundle, emulator, "cleanup", input, {
      env: { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "4" },
      // Outcomes are printed per chunk of 25, so the first lines come when a chunk is done.
      killWhen: (stdout) => deletions(stdout) >= 10,
    });
    expect(killed.signal).toBe("SIGKILL");
    const left = await listV2(v2, instanceId);
    expect(left.length).toBeGreaterThan(0);

    const rerun = await runBundle(bundle, emulator, "cleanup", input);
    expect(rerun.code).toBe(HookExit.ok);
    expect(summaryOf(rerun)).toMatchObject({ found: left.length, deleted: left.length });
    expect(await listV2(v2, instanceId)).toEqual([]);
    const dir = join(input.backup_dir, ACCOUNT, REGION, instanceId);
    expect(readdirSync(dir).filter((f) => f.endsWith(".json")).sort()).toEqual([...before.keys()].sort());
    for (const [file, content] of before) expectBackupFile(join(dir, file), content);
  });

  test("restore: v2 campaigns recreated through v2 equal on every field AWS returns (tags too), v1 ones through v1; a re-run skips them", async () => {
    const v1 = campaignsClient(emulator);
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    const v1Ids = await createCampaigns(v1, instanceId, 2);
    const v2Ids = await createV2Campaigns(v2, instanceId, 8, { running: 1 });
    const originals = await Promise.all(v2Ids.map((id) => describeV2(v2, id)));
    const v1Originals = await Promise.all(v1Ids.map((id) => describeV1(v1, id)));
    const input = hookInput(instanceId);
    expect((await runBundle(bundle, emulator, "cleanup", input)).code).toBe(HookExit.ok);

    const dry = await restoreBackups(input.backup_dir, { dryRun: true, env: FAST_QUOTAS, output: silent });
    expect(dry.campaigns.filter((c) => c.outcome === "would-create").map((c) => c.api).sort()).toEqual([
      ...Array(2).fill("v1"),
      ...Array(8).fill("v2"),
    ]);
    expect(await listV2(v2, instanceId)).toEqual([]);

    const result = await restoreBackups(input.backup_dir, { env: FAST_QUOTAS, output: silent });
    expect(result.exitCode).toBe(HookExit.ok);
    expect(result.summary).toMatchObject({ found: 10, created: 10, existing: 0 });
    const restored = await listV2(v2, instanceId);
    expect(restored.map((c) => c.name)).toEqual(originals.map((c) => c.name).sort());
    for (const original of originals) {
      const copy = await describeV2(v2, restored.find((c) => c.name === original.name)!.id);
      // Every member AWS returns, but the ids AWS assigns anew.
      expect({ ...copy, id: undefined, arn: undefined }).toEqual({ ...original, id: undefined, arn: undefined });
    }
    for (const original of v1Originals) {
      const id = result.campaigns.find((c) => c.name === original.name && c.api === "v1")?.newId;
      expect({ ...(await describeV1(v1, id!)), id: undefined, arn: undefined }).toEqual({ ...original, id: undefined, arn: undefined });
    }

    const again = await restoreBackups(input.backup_dir, { env: FAST_QUOTAS, output: silent });
    expect(again.summary).toMatchObject({ found: 10, created: 0, existing: 10 });
  });

  test("offboard: refuses while v2 campaigns remain; then deletes the config through v2 with RETAIN_ALL", async () => {
    const v2 = campaignsV2Client(emulator);
    const instanceId = await createInstance(emulator);
    const onboarding = onboardingHookInput(instanceId);
    expect((await runBundle(bundle, emulator, "onboard", onboarding)).code).toBe(HookExit.ok);
    await createV2Campaigns(v2, instanceId, 1);

    const refused = await runBundle(bundle, emulator, "offboard", onboarding);
    expect(refused.code).toBe(HookExit.refused);
    expect(refused.stderr).toContain('"v2-000"');
    expect(await listV2(v2, instanceId)).toHaveLength(1);

    expect((await runBundle(bundle, emulator, "cleanup", hookInput(instanceId))).code).toBe(HookExit.ok);
    await emulator.resetStats();
    const done = await runBundle(bundle, emulator, "offboard", onboarding);
    expect(done.code).toBe(HookExit.ok);
    expect((await emulator.stats()).requests).toMatchObject({ "v2:DeleteConnectInstanceConfig": 1 });
  });
});
