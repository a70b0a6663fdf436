// The account scan (account-usage.ts) with the real SDK against the emulator: every Region's
// campaigns of both APIs without an instance filter, every page, grouped by instance; every
// Connect instance with its campaigns config; a denied Region is an error naming it.
import { ConnectCampaignsClient, CreateCampaignCommand, StartInstanceOnboardingJobCommand } from "@aws-sdk/client-connectcampaigns";
import { ConnectCampaignsV2Client, CreateCampaignCommand as CreateV2CampaignCommand } from "@aws-sdk/client-connectcampaignsv2";
import { AccountScanError, createClients, scanAccountUsage, scanRegionUsage, type RegionUsage } from "../../../modules/hooks/runtime";
import { createConnectInstance, createKmsKeyArn } from "../../emulator/aws-fixtures";
import { v2CampaignInput } from "../../emulator/campaigns-v2-fixtures";
import { describeWithEmulator, useEmulator, type Emulator } from "../../emulator/emulator";
import { campaignRequest } from "./fixtures";

const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const OWNER = "us-east-1";
const OBSERVER = "eu-west-2";
const DENIED = "ap-southeast-2";

describeWithEmulator("account usage scan (every Region, both APIs, instances)", () => {
  const emulator = useEmulator({ onboardingPolls: 0, reset: "test" });

  const sdk = (e: Emulator, region: string) => ({ endpoint: e.endpoint, region, credentials });
  const clientsFor = (region: string) =>
    createClients({ region, roleArn: null, sessionLabel: "usage-test", quotaMultiplier: 20 }, { endpoint: emulator().endpoint, credentials });

  async function onboardedInstance(region: string, kmsKeyArn?: string): Promise<string> {
    const { Id } = await createConnectInstance(emulator(), { region });
    const v1 = new ConnectCampaignsClient(sdk(emulator(), region));
    await v1.send(
      new StartInstanceOnboardingJobCommand({
        connectInstanceId: Id,
        encryptionConfig: kmsKeyArn ? { enabled: true, encryptionType: "KMS", keyArn: kmsKeyArn } : { enabled: false },
      }),
    );
    return Id;
  }

  async function v1Campaigns(region: string, instanceId: string, count: number): Promise<string[]> {
    const v1 = new ConnectCampaignsClient(sdk(emulator(), region));
    const arns: string[] = [];
    for (let i = 0; i < count; i++) arns.push((await v1.send(new CreateCampaignCommand(campaignRequest(instanceId, i)))).arn!);
    return arns;
  }

  async function v2Campaigns(region: string, instanceId: string, count: number): Promise<string[]> {
    const v2 = new ConnectCampaignsV2Client(sdk(emulator(), region));
    const arns: string[] = [];
    for (let i = 0; i < count; i++) arns.push((await v2.send(new CreateV2CampaignCommand(v2CampaignInput("sms", instanceId, `v2-${i}`)))).arn!);
    return arns;
  }

  const byId = (usage: RegionUsage) => new Map(usage.instances.map((i) => [i.instanceId, i]));

  test("two Regions: 120 v1 campaigns over 3 pages, v2-only campaigns, an instance not onboarded, the KMS key", async () => {
    const keyArn = await createKmsKeyArn(emulator(), { region: OWNER });
    const owner = await onboardedInstance(OWNER, keyArn);
    const bare = (await createConnectInstance(emulator(), { region: OWNER })).Id;
    const observer = await onboardedInstance(OBSERVER);
    const ownerArns = await v1Campaigns(OWNER, owner, 120);
    const observerArns = await v2Campaigns(OBSERVER, observer, 3);
    await emulator().resetStats();

    const usage = await scanAccountUsage(clientsFor, [OWNER, OBSERVER]);

    expect(usage.map((r) => r.region)).toEqual([OWNER, OBSERVER]);
    const east = byId(usage[0]);
    expect(east.get(owner)).toMatchObject({ inConnect: true, onboarded: true, kmsKeyArn: keyArn, v1Campaigns: 120, v2Campaigns: 0 });
    expect(east.get(owner)!.serviceLinkedRoleArn).toMatch(/^arn:aws:iam::123456789012:role\/aws-service-role\/connect-campaigns\.amazonaws\.com\//);
    expect([...east.get(owner)!.campaignArns].sort()).toEqual([...ownerArns].sort());
    expect(east.get(bare)).toEqual({ instanceId: bare, inConnect: true, onboarded: false, v1Campaigns: 0, v2Campaigns: 0, campaignArns: [], campaigns: [] });
    expect([...east.keys()].sort()).toEqual([owner, bare].sort());
    const west = byId(usage[1]);
    expect([...west.keys()]).toEqual([observer]);
    expect(west.get(observer)).toMatchObject({ onboarded: true, v1Campaigns: 0, v2Campaigns: 3, campaignArns: observerArns });
    expect(west.get(observer)!.kmsKeyArn).toBeUndefined();
    // ARNs carry their Region: nothing of one Region leaks into the other's record.
    expect(observerArns.every((a) => a.includes(`:${OBSERVER}:`))).toBe(true);
    // No instance filter: 3 v1 pages in us-east-1 (50+50+20), 1 in eu-west-2; one v2 page each; one config read per instance.
    expect((await emulator().stats()).requests).toEqual({ ListCampaigns: 4, "v2:ListCampaigns": 2, GetConnectInstanceConfig: 3 });
  });

  test("a campaign both APIs list (v1CampaignsInV2) counts once, as v2", async () => {
    await emulator().configure({ v1CampaignsInV2: true });
    const owner = await onboardedInstance(OWNER);
    const arns = await v1Campaigns(OWNER, owner, 2);

    const usage = await scanRegionUsage(clientsFor(OWNER), OWNER);

    expect(usage.instances).toEqual([expect.objectContaining({ instanceId: owner, v1Campaigns: 0, v2Campaigns: 2, campaignArns: arns })]);
  });

  test("an empty Region is empty: no instance, no campaign, the minimum of calls", async () => {
    await emulator().resetStats();
    expect(await scanAccountUsage(clientsFor, [OBSERVER])).toEqual([{ region: OBSERVER, instances: [] }]);
    expect((await emulator().stats()).requests).toEqual({ ListCampaigns: 1, "v2:ListCampaigns": 1 });
  });

  test("a Region that denies access is an error naming it, not empty; the other Regions are still read", async () => {
    const owner = await onboardedInstance(OWNER);
    await v1Campaigns(OWNER, owner, 1);
    await emulator().configure({ deniedRegions: [DENIED] });

    const scan = scanAccountUsage(clientsFor, [OWNER, DENIED, OBSERVER]);

    await expect(scan).rejects.toBeInstanceOf(AccountScanError);
    const error = (await scan.catch((e: unknown) => e)) as AccountScanError;
    expect(error.failures.map((f) => f.region)).toEqual([DENIED]);
    expect(error.message).toContain(`could not read 1 Region(s) of the account`);
    expect(error.message).toMatch(new RegExp(`${DENIED}: .*failed: AccessDeniedException: .*explicit deny in a service control policy`));
    expect(error.message).not.toContain(OWNER);
    // One Region on its own says the same.
    await expect(scanRegionUsage(clientsFor(DENIED), DENIED)).rejects.toThrow(`${DENIED}: `);
  });
});
