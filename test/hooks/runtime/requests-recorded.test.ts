// The AWS requests the bundled hooks and `restore` really send over HTTP, recorded by the
// emulator's request log, are exactly the hand-written lists the policy is evaluated against
// (test/policy/requests.ts HOOK_REQUESTS and RESTORE_REQUESTS), as provider-requests.test.ts
// does for the provider: a call added to the hooks without its entry (or an entry no hook makes
// any more) fails here.
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { HookExit, toAccountGuardInput } from "../../../modules/hooks/contract";
import { describeWithEmulator, REGION, useEmulator } from "../../emulator/emulator";
import { HOOK_REQUESTS, RESTORE_REQUESTS, type Where } from "../../policy/requests";
import { runBinWithEmulator } from "../../support/bin";
import { ACCOUNT, buildBundle, campaignsClient, createCampaigns, createInstance, hookInput, onboardingHookInput, runBundle } from "./fixtures";
import { campaignsV2Client, createV2Campaigns } from "./v2-fixtures";

const WHERE: Where = { partition: "aws", account: ACCOUNT, region: REGION, instanceId: "i", campaignId: "c", roleName: "AWSServiceRoleForConnectCampaigns", backupBucket: "b", kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k` };
/** Made by AWS on the caller's behalf (the onboarding job), or authorized inside another call: never sent by us. */
const NOT_SENT = (caller: string) => caller.startsWith("onboarding job") || caller.includes("also authorizes");
const actionsOf = (specs: typeof HOOK_REQUESTS) => new Set(specs.filter((s) => !NOT_SENT(s.caller)).map((s) => s.request(WHERE).action));

describeWithEmulator("the hooks' AWS requests, recorded over HTTP, are the policy's request lists", () => {
  const emulator = useEmulator();

  /** IAM actions of what the emulator received since the last reset (v1 and v2 sign as one service). */
  const recorded = async (): Promise<string[]> => {
    const log = await emulator().requestLog();
    return [...new Set(log.map((r) => `${r.service}:${r.operation.replace(/^v2:/, "")}`))].sort();
  };

  test("onboard (a failed first job), the account guard, cleanup (v1 and v2, running ones, S3 copies), offboard; then restore", async () => {
    const bundle = buildBundle();
    const instanceId = await createInstance(emulator());
    const s3 = new S3Client({ endpoint: emulator().endpoint, region: REGION, forcePathStyle: true, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    await s3.send(new CreateBucketCommand({ Bucket: "recorded-backups" }));
    await emulator().failOnboarding(instanceId, "INTERNAL_FAILURE", 1);
    const input = hookInput(instanceId, { backup_s3_bucket: "recorded-backups" });
    const hooks: string[] = [];

    await emulator().resetStats();
    expect((await runBundle(bundle, emulator(), "onboard", onboardingHookInput(instanceId))).code).toBe(HookExit.ok);
    hooks.push(...(await recorded()));
    await createCampaigns(campaignsClient(emulator()), instanceId, 3, { running: 1 });
    await createV2Campaigns(campaignsV2Client(emulator()), instanceId, 2, { paused: 1 });
    await emulator().resetStats();
    // The destroy's order: the account guard (every Region scanned), then cleanup, then offboard.
    const guard = toAccountGuardInput({
      stack: input.stack, account: ACCOUNT, region: REGION, roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns`,
      regions: [REGION, "eu-west-2"], instanceIds: [instanceId], allowCampaignDeletion: true,
    });
    expect((await runBundle(bundle, emulator(), "account-guard", guard)).code).toBe(HookExit.ok);
    expect((await runBundle(bundle, emulator(), "cleanup", input)).code).toBe(HookExit.ok);
    expect((await runBundle(bundle, emulator(), "offboard", onboardingHookInput(instanceId))).code).toBe(HookExit.ok);
    hooks.push(...(await recorded()));

    expect([...new Set(hooks)].sort()).toEqual([...actionsOf(HOOK_REQUESTS)].sort());

    await emulator().resetStats();
    const restore = await runBinWithEmulator(emulator(), ["restore", input.backup_dir]);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    // `policy --restore` is the deploy policy plus RESTORE_REQUESTS: its account check is the hooks'.
    const restoreModel = new Set([...actionsOf(RESTORE_REQUESTS), "sts:GetCallerIdentity"]);
    expect(await recorded()).toEqual([...restoreModel].sort());
  });
});
