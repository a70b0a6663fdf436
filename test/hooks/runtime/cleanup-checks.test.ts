// What the bundled cleanup hook checks before it deletes, against an emulator that misbehaves on
// purpose: a ListCampaigns that ignores its instance filter, a DescribeCampaign that answers for
// another campaign or with one restore could not read, an S3 upload or a delete that fails midway,
// a backup bucket of another account. Each time: the right exit code, what was done reported,
// and nothing deleted after the failure.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { HookExit } from "../../../modules/hooks/contract";
import { assumeAccount } from "../../emulator/aws-fixtures";
import { describeWithEmulator, REGION, useEmulator } from "../../emulator/emulator";
import { runBinWithEmulator } from "../../support/bin";
import { ACCOUNT, buildBundle, campaignsClient, createCampaigns, createInstance, hookInput, listNames, onboardingHookInput, runBundle, summaryOf, tempDir } from "./fixtures";
import { campaignsV2Client, createV2Campaigns, listV2 } from "./v2-fixtures";

const OTHER_ACCOUNT = "210987654321";

/** Every file under a directory, recursively (backups written anywhere). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describeWithEmulator("cleanup hook: what it checks before deleting (bundled)", () => {
  const emulator = useEmulator();
  let bundle: string;
  beforeAll(() => {
    bundle = buildBundle();
  });
  afterEach(() => emulator().reset());

  const deletes = async () => {
    const { requests } = await emulator().stats();
    return (requests.DeleteCampaign ?? 0) + (requests["v2:DeleteCampaign"] ?? 0);
  };

  test("v1: a listing with another instance's campaigns (filter ignored) → exit 3 naming both instances, nothing deleted or backed up", async () => {
    const client = campaignsClient(emulator());
    const mine = await createInstance(emulator());
    const theirs = await createInstance(emulator());
    await createCampaigns(client, mine, 2);
    const [theirId] = await createCampaigns(client, theirs, 1);
    await emulator().configure({ ignoreInstanceIdFilter: true });
    const input = hookInput(mine);

    const run = await runBundle(bundle, emulator(), "cleanup", input);

    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`ListCampaigns answered campaign "campaign-000" (${theirId}) of instance ${theirs}, not of instance ${mine}`);
    expect(run.stderr).toContain("Nothing was deleted.");
    expect(await deletes()).toBe(0);
    expect(filesUnder(input.backup_dir)).toEqual([]);
    await emulator().configure({ ignoreInstanceIdFilter: false });
    expect(await listNames(client, mine)).toEqual(["campaign-000", "campaign-001"]);
    expect(await listNames(client, theirs)).toEqual(["campaign-000"]);
  });

  test("v2: the same through the v2 listing", async () => {
    const v2 = campaignsV2Client(emulator());
    const mine = await createInstance(emulator());
    const theirs = await createInstance(emulator());
    await createV2Campaigns(v2, mine, 2);
    await createV2Campaigns(v2, theirs, 1);
    await emulator().configure({ ignoreInstanceIdFilter: true });

    const run = await runBundle(bundle, emulator(), "cleanup", hookInput(mine));
    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`of instance ${theirs}, not of instance ${mine}`);
    expect(await deletes()).toBe(0);

    await emulator().configure({ ignoreInstanceIdFilter: false });
    expect(await listV2(v2, mine)).toHaveLength(2);
    expect(await listV2(v2, theirs)).toHaveLength(1);
  });

  test("offboarding refuses the same listing, naming the other instance, and stays onboarded", async () => {
    const mine = await createInstance(emulator());
    const theirs = await createInstance(emulator());
    expect((await runBundle(bundle, emulator(), "onboard", onboardingHookInput(mine))).code).toBe(HookExit.ok);
    await createCampaigns(campaignsClient(emulator()), theirs, 1);
    await emulator().configure({ ignoreInstanceIdFilter: true });

    const run = await runBundle(bundle, emulator(), "offboard", onboardingHookInput(mine));

    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`of instance ${theirs}, not of instance ${mine}`);
    expect(run.stderr).toContain("Nothing was offboarded.");
    const { requests } = await emulator().stats();
    expect(requests["v2:DeleteConnectInstanceConfig"]).toBeUndefined();
  });

  test("the dry run (`cleanup --dry-run`, bin) refuses the same listing: exit 3, no plan printed", async () => {
    const v2 = campaignsV2Client(emulator());
    const mine = await createInstance(emulator());
    const theirs = await createInstance(emulator());
    await createV2Campaigns(v2, theirs, 1);
    await emulator().configure({ ignoreInstanceIdFilter: true });
    const dir = tempDir("dry-run-checks");
    const config = join(dir, "rollout.json");
    writeFileSync(config, JSON.stringify({ targets: [{ account: ACCOUNT, region: REGION, instances: [{ id: mine }] }] }));

    const run = await runBinWithEmulator(emulator(), ["cleanup", "--config", config, "--stack", `campaigns-${ACCOUNT}-${REGION}`, "--dry-run"]);

    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`of instance ${theirs}, not of instance ${mine}`);
    expect(run.stdout).not.toContain("would back up");
  });

  test.each([
    ["another instance", (other: string) => ({ connectInstanceId: other }), "its connectInstanceId is"],
    ["another account", () => ({ arn: `arn:aws:connect-campaigns:${REGION}:${OTHER_ACCOUNT}:campaign/x` }), `its ARN names account ${OTHER_ACCOUNT}`],
    ["another Region", () => ({ arn: `arn:aws:connect-campaigns:eu-west-2:${ACCOUNT}:campaign/x` }), "its ARN names account"],
    ["another id (a path)", () => ({ id: "../../../escaped" }), "is not a campaign id"],
  ])("DescribeCampaign answering for %s → exit 3, nothing deleted, no file outside the instance's folder", async (_what, patch, reason) => {
    const client = campaignsClient(emulator());
    const mine = await createInstance(emulator());
    const other = await createInstance(emulator());
    const ids = await createCampaigns(client, mine, 3);
    await emulator().overrideDescribe(ids[1], patch(other));
    const input = hookInput(mine);

    const run = await runBundle(bundle, emulator(), "cleanup", input);

    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`refusing: DescribeCampaign ${ids[1]} answered campaign`);
    expect(run.stderr).toContain(reason);
    expect(await deletes()).toBe(0);
    expect(summaryOf(run)).toMatchObject({ deleted: 0, refused: true });
    for (const file of filesUnder(input.backup_dir)) expect(file.startsWith(join(input.backup_dir, ACCOUNT, REGION, mine) + "/")).toBe(true);
    expect(await listNames(client, mine)).toHaveLength(3);
  });

  test("a backup restore could not read (the describe answer lacks dialerConfig) → exit 1 naming the file, nothing deleted", async () => {
    const client = campaignsClient(emulator());
    const instanceId = await createInstance(emulator());
    const ids = await createCampaigns(client, instanceId, 3);
    await emulator().overrideDescribe(ids[2], { dialerConfig: null });
    const input = hookInput(instanceId);

    const run = await runBundle(bundle, emulator(), "cleanup", input);

    expect(run.code).toBe(HookExit.failed);
    const file = join(input.backup_dir, ACCOUNT, REGION, instanceId, `${ids[2]}.json`);
    expect(run.stderr).toContain(`backup ${file} does not read back as restore reads it (dialerConfig must hold exactly one of`);
    expect(await deletes()).toBe(0);
    expect(await listNames(client, instanceId)).toHaveLength(3);
  });

  test("an S3 upload fails midway (403 on the 11th of 60) → exit 1, no campaign deleted afterwards, the summary says what was done", async () => {
    const client = campaignsClient(emulator());
    const s3 = new S3Client({ endpoint: emulator().endpoint, region: REGION, forcePathStyle: true, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    await s3.send(new CreateBucketCommand({ Bucket: "midway-backups" }));
    const instanceId = await createInstance(emulator());
    await createCampaigns(client, instanceId, 60);
    await emulator().failRequests({ operation: "s3:PutObject", after: 10, times: 1, status: 403, errorType: "AccessDenied" });
    await emulator().resetStats();

    const run = await runBundle(bundle, emulator(), "cleanup", hookInput(instanceId, { backup_s3_bucket: "midway-backups" }));

    expect(run.code).toBe(HookExit.failed);
    expect(run.stderr).toMatch(/campaigns-hook: error: .*PutObject s3:\/\/midway-backups\/.* failed: AccessDenied/);
    expect(run.stderr).toContain("stopped at the first failure, after the calls in flight settled: 0 deleted");
    // Once the hook has exited, nothing of its runs any more: the stats are final.
    expect(await deletes()).toBe(0);
    expect(summaryOf(run)).toMatchObject({ event: "cleanup-summary", deleted: 0, refused: false, error: expect.stringContaining("AccessDenied") });
    expect(await listNames(client, instanceId)).toHaveLength(60);
  });

  test("a delete fails midway (AccessDenied from the 6th) → exit 1; the summary counts exactly what was deleted", async () => {
    const client = campaignsClient(emulator());
    const instanceId = await createInstance(emulator());
    await createCampaigns(client, instanceId, 60);
    await emulator().failRequests({ operation: "connect-campaigns:DeleteCampaign", after: 5, status: 403, errorType: "AccessDeniedException" });
    await emulator().resetStats();

    const run = await runBundle(bundle, emulator(), "cleanup", hookInput(instanceId));

    expect(run.code).toBe(HookExit.failed);
    expect(run.stderr).toContain("DeleteCampaign");
    const left = await listNames(client, instanceId);
    expect(left).toHaveLength(55);
    expect(summaryOf(run)).toMatchObject({ deleted: 5, backedUp: 60, error: expect.stringContaining("AccessDeniedException") });
    // The calls in flight when the first delete failed, and no more: 2 chunks of 5 at the most.
    expect(await deletes()).toBeLessThanOrEqual(5 + 10);
  });

  test("the backup bucket belongs to another account: the upload names the target's account (ExpectedBucketOwner) and fails; nothing deleted", async () => {
    const client = campaignsClient(emulator());
    const credentials = await assumeAccount(emulator(), OTHER_ACCOUNT);
    const theirs = new S3Client({ endpoint: emulator().endpoint, region: REGION, forcePathStyle: true, credentials });
    await theirs.send(new CreateBucketCommand({ Bucket: "someone-elses-backups" }));
    const instanceId = await createInstance(emulator());
    await createCampaigns(client, instanceId, 2);

    const run = await runBundle(bundle, emulator(), "cleanup", hookInput(instanceId, { backup_s3_bucket: "someone-elses-backups" }));

    expect(run.code).toBe(HookExit.failed);
    expect(run.stderr).toContain("PutObject s3://someone-elses-backups/");
    expect(run.stderr).toContain("AccessDenied");
    expect(await deletes()).toBe(0);
    expect(await listNames(client, instanceId)).toHaveLength(2);
  });
});
