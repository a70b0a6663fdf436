// The destroy-time cleanup hook, bundled and run as Terraform runs it, against the emulator.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { describeWithEmulator, REGION, type Emulator, useEmulator } from "../../emulator/emulator";
import { serializeCampaign } from "../../../modules/hooks/runtime";
import { HookExit } from "../../../modules/hooks/contract";
import {
  ACCOUNT,
  buildBundle,
  campaignsClient,
  createCampaigns,
  createInstance,
  describe as describeCampaign,
  expectBackupFile,
  hookInput,
  listNames,
  runBundle,
  summaryOf,
} from "./fixtures";

const backupsOf = (backupDir: string, instanceId: string): string[] => {
  const dir = join(backupDir, ACCOUNT, REGION, instanceId);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

describeWithEmulator("cleanup hook (bundled)", () => {
  const running = useEmulator({ reset: "test" });
  let emulator: Emulator;
  let bundle: string;

  beforeAll(async () => {
    bundle = buildBundle();
    emulator = running();
  });
  beforeEach(() => emulator.resetStats());

  test("no campaigns: one list call, nothing to do, exit 0", async () => {
    const instanceId = await createInstance(emulator);
    const input = hookInput(instanceId, { allow_campaign_deletion: false });
    const run = await runBundle(bundle, emulator, "cleanup", input);
    expect(run.code).toBe(HookExit.ok);
    expect(summaryOf(run)).toEqual({
      event: "cleanup-summary",
      stack: input.stack,
      instance: instanceId,
      found: 0,
      backedUp: 0,
      stopped: 0,
      deleted: 0,
      alreadyGone: 0,
      backupDir: input.backup_dir,
      dryRun: false,
      refused: false,
    });
    expect((await emulator.stats()).requests).toEqual({ ListCampaigns: 1, "v2:ListCampaigns": 1 });
    expect(existsSync(join(input.backup_dir, ACCOUNT))).toBe(false);
  });

  test("one campaign: backed up byte-equal to DescribeCampaign, then deleted", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const [id] = await createCampaigns(client, instanceId, 1);
    const described = await describeCampaign(client, id);
    const input = hookInput(instanceId);
    await emulator.resetStats();

    const run = await runBundle(bundle, emulator, "cleanup", input);
    const { requests } = await emulator.stats();

    expect(run.stderr).toBe("");
    expect(run.code).toBe(HookExit.ok);
    expect(summaryOf(run)).toMatchObject({ found: 1, backedUp: 1, stopped: 0, deleted: 1, alreadyGone: 0 });
    expect(run.stdout).toContain(`"campaign-000" (${id}): backed up → deleted`);
    expectBackupFile(join(input.backup_dir, ACCOUNT, REGION, instanceId, `${id}.json`), (at) => serializeCampaign(described, at));
    expect(await listNames(client, instanceId)).toEqual([]);
    // The minimum: one list, one describe, one state batch, one delete, one final list.
    expect(requests).toEqual({
      ListCampaigns: 2,
      "v2:ListCampaigns": 2,
      DescribeCampaign: 1,
      GetCampaignStateBatch: 1,
      DeleteCampaign: 1,
    });
  });

  test("120 campaigns over 3 pages; running and paused ones are stopped first; every backup byte-equal", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const otherInstance = await createInstance(emulator);
    const ids = await createCampaigns(client, instanceId, 120, { running: 7, paused: 3 });
    await createCampaigns(client, otherInstance, 2);
    const before = new Map<string, (backedUpAt: string) => string>();
    for (const id of ids) {
      const described = await describeCampaign(client, id);
      before.set(`${id}.json`, (at) => serializeCampaign(described, at));
    }
    const input = hookInput(instanceId, { backup_dir: "/nonexistent-unused" });
    const backupDir = join(hookInput(instanceId).backup_dir, "from-env");
    await emulator.resetStats();

    const run = await runBundle(bundle, emulator, "cleanup", input, { env: { CAMPAIGN_BACKUP_DIR: backupDir } });
    const { requests } = await emulator.stats();

    expect(run.code).toBe(HookExit.ok);
    expect(summaryOf(run)).toMatchObject({ found: 120, backedUp: 120, stopped: 10, deleted: 120, alreadyGone: 0, backupDir });
    expect(run.stdout.match(/backed up → stopped → deleted\n/g)).toHaveLength(10);
    expect(run.stdout.match(/: backed up → deleted\n/g)).toHaveLength(110);
    expect(backupsOf(backupDir, instanceId)).toEqual([...before.keys()].sort());
    for (const [file, content] of before) expectBackupFile(join(backupDir, ACCOUNT, REGION, instanceId, file), content);
    expect(await listNames(client, instanceId)).toEqual([]);
    expect(await listNames(client, otherInstance)).toEqual(["campaign-000", "campaign-001"]);
    expect(requests).toEqual({
      ListCampaigns: 3 + 1,
      // Every listing asks v2 too: one empty page each time.
      "v2:ListCampaigns": 1 + 1,
      DescribeCampaign: 120,
      GetCampaignStateBatch: 5, // chunks of 25: 25, 25, 25, 25, 20
      StopCampaign: 10,
      DeleteCampaign: 120,
    });
  });

  test("guard: campaigns exist and deletion is not allowed → exit 3, nothing deleted, no backups", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const ids = await createCampaigns(client, instanceId, 3, { running: 1 });
    const input = hookInput(instanceId, { allow_campaign_deletion: false });
    await emulator.resetStats();

    const run = await runBundle(bundle, emulator, "cleanup", input);
    const { requests } = await emulator.stats();

    expect(run.code).toBe(HookExit.refused);
    expect(summaryOf(run)).toMatchObject({ found: 3, backedUp: 0, stopped: 0, deleted: 0, refused: true });
    for (const [index, id] of ids.entries()) expect(run.stderr).toContain(`"campaign-00${index}" (${id})`);
    expect(run.stderr).toContain('"allowCampaignDeletion": true');
    // A retired instance's removed block runs with the state's value: the way out is un-retire, apply, retire.
    expect(run.stderr).toContain('take "retired" off, apply with deletion allowed, then mark it retired again');
    expect(run.stderr).toContain(`npx connect-campaigns-iac cleanup --config <file> --stack ${input.stack} --dry-run`);
    expect(await listNames(client, instanceId)).toEqual(["campaign-000", "campaign-001", "campaign-002"]);
    expect(existsSync(input.backup_dir) && readdirSync(input.backup_dir)).toEqual([]);
    expect(requests).toEqual({ ListCampaigns: 1, "v2:ListCampaigns": 1 });
  });

  test("20% throttling and 5% internal errors: completes with exact counts", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const ids = await createCampaigns(client, instanceId, 60, { running: 5 });
    const input = hookInput(instanceId);
    await emulator.configure({ throttleFraction: 0.2, errorFraction: 0.05, latencyMs: 5, seed: 7 });
    try {
      const run = await runBundle(bundle, emulator, "cleanup", input);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(HookExit.ok);
      expect(summaryOf(run)).toMatchObject({ found: 60, backedUp: 60, stopped: 5, deleted: 60, alreadyGone: 0 });
      const stats = await emulator.stats();
      expect(stats.throttled).toBeGreaterThan(10); // the faults did happen...
      expect(stats.internalErrors).toBeGreaterThan(2);
    } finally {
      await emulator.configure({ throttleFraction: 0, errorFraction: 0, latencyMs: 0, seed: null });
    }
    expect(backupsOf(input.backup_dir, instanceId)).toEqual(ids.map((id) => `${id}.json`).sort());
    expect(await listNames(client, instanceId)).toEqual([]);
  });

  test("backups also go to S3 when backup_s3_bucket is set, same bytes as the local file", async () => {
    const client = campaignsClient(emulator);
    const s3 = new S3Client({
      endpoint: emulator.endpoint,
      region: REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    });
    await s3.send(new CreateBucketCommand({ Bucket: "campaign-backups" }));
    const instanceId = await createInstance(emulator);
    const ids = await createCampaigns(client, instanceId, 2);
    const input = hookInput(instanceId, { backup_s3_bucket: "campaign-backups" });

    const run = await runBundle(bundle, emulator, "cleanup", input);

    expect(run.stderr).toBe("");
    expect(run.code).toBe(HookExit.ok);
    for (const id of ids) {
      const key = `${ACCOUNT}/${REGION}/${instanceId}/${id}.json`;
      const object = await s3.send(new GetObjectCommand({ Bucket: "campaign-backups", Key: key }));
      expect(await object.Body?.transformToString()).toBe(readFileSync(join(input.backup_dir, key), "utf8"));
    }
  });

  test("bad input and unknown commands exit 64 with one line", async () => {
    const instanceId = await createInstance(emulator);
    const run = await runBundle(bundle, emulator, "cleanup", { ...hookInput(instanceId), account: "12" });
    expect(run.code).toBe(HookExit.usage);
    expect(run.stderr).toBe('campaigns-hook: error: bad CAMPAIGNS_HOOK_INPUT: account must be a 12-digit account id, got "12"\n');
    const unknown = await runBundle(bundle, emulator, "destroy-everything", hookInput(instanceId));
    expect(unknown.code).toBe(HookExit.usage);
    expect(unknown.stderr).toBe(
      "campaigns-hook: error: usage: campaigns-hook <onboard|offboard|cleanup|account-guard>, got destroy-everything\n",
    );
  });

  test("deploy_role_arn is assumed through STS: the hook acts in the role's account", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    await createCampaigns(client, instanceId, 2);
    // moto ties assumed-role credentials to the role's account: a role in another account sees
    // none of this account's campaigns, which shows the hook used the assumed credentials.
    const elsewhere = await runBundle(bundle, emulator, "cleanup", {
      ...hookInput(instanceId, { account: "210987654321" }),
      deploy_role_arn: "arn:aws:iam::210987654321:role/terraform-deploy",
    });
    expect(elsewhere.stderr).toBe("");
    expect(summaryOf(elsewhere)).toMatchObject({ found: 0, deleted: 0 });
    expect(await listNames(client, instanceId)).toEqual(["campaign-000", "campaign-001"]);

    const here = await runBundle(bundle, emulator, "cleanup", {
      ...hookInput(instanceId),
      deploy_role_arn: `arn:aws:iam::${ACCOUNT}:role/terraform-deploy`,
    });
    expect(here.code).toBe(HookExit.ok);
    expect(summaryOf(here)).toMatchObject({ found: 2, deleted: 2 });
  });

  test("credentials for another account: refuses before touching anything, naming both accounts", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    await createCampaigns(client, instanceId, 1);
    const input = hookInput(instanceId, { account: "210987654321" });
    await emulator.resetStats();
    const run = await runBundle(bundle, emulator, "cleanup", input);
    // A guard refusal (3), found by STS GetCallerIdentity before any campaign call.
    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toMatch(
      /^campaigns-hook: error: stack campaigns-123456789012-us-east-1, instance .*: refusing to clean up campaigns: the credentials act in account 123456789012 \(.*\), but the stack targets account 210987654321\. Nothing was touched\./,
    );
    expect(run.stdout).toBe("");
    expect((await emulator.stats()).requests).toEqual({});
    expect(await listNames(client, instanceId)).toEqual(["campaign-000"]);
  });
});
