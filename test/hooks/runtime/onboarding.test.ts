// The onboarding (create-time) and offboarding (destroy-time) hooks, bundled, against the emulator.
import { DeleteConnectInstanceConfigCommand } from "@aws-sdk/client-connectcampaignsv2";
import {
  DeleteCampaignCommand,
  DescribeCampaignCommand,
  GetConnectInstanceConfigCommand,
  GetInstanceOnboardingJobStatusCommand,
} from "@aws-sdk/client-connectcampaigns";
import { describeWithEmulator, REGION, type Emulator, type OnboardingFailureCode, useEmulator } from "../../emulator/emulator";
import { createKmsKeyArn } from "../../emulator/aws-fixtures";
import { FAILURE_HINTS } from "../../../modules/hooks/runtime";
import { HookExit } from "../../../modules/hooks/contract";
import {
  ACCOUNT,
  buildBundle,
  campaignsClient,
  createCampaigns,
  createInstance,
  onboardingHookInput,
  runBundle,
  summaryOf,
} from "./fixtures";
import { campaignsV2Client } from "./v2-fixtures";

const ROLE_ARN = new RegExp(
  `^arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect-campaigns\\.amazonaws\\.com/AWSServiceRoleForConnectCampaigns(_\\w+)?$`,
);
const FAILURE_CODES = Object.keys(FAILURE_HINTS) as OnboardingFailureCode[];

describeWithEmulator("onboarding and offboarding hooks (bundled)", () => {
  const running = useEmulator({ onboardingPolls: 2, reset: "test" });
  let emulator: Emulator;
  let bundle: string;

  beforeAll(async () => {
    bundle = buildBundle();
    emulator = running();
  });
  beforeEach(() => emulator.resetStats());

  const onboardingInput = (instanceId: string, kmsKeyArn: string | null = null) => onboardingHookInput(instanceId, { kms_key_arn: kmsKeyArn });

  test("onboards with a KMS key, polls the job to SUCCEEDED and prints the campaigns role", async () => {
    const instanceId = await createInstance(emulator);
    const keyArn = await createKmsKeyArn(emulator);
    const run = await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId, keyArn));
    const { requests } = await emulator.stats();

    expect(run.stderr).toBe("");
    expect(run.code).toBe(HookExit.ok);
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ event: "onboard-summary", instance: instanceId, alreadyOnboarded: false, jobsStarted: 1 });
    expect(summary.roleArn).toMatch(ROLE_ARN);
    expect(run.stdout).toContain(`uses service-linked role ${summary.roleArn}`);
    expect(requests).toEqual({
      GetConnectInstanceConfig: 2, // before (not onboarded) and after (the role)
      StartInstanceOnboardingJob: 1,
      GetInstanceOnboardingJobStatus: 3, // IN_PROGRESS twice (onboardingPolls: 2), then SUCCEEDED
    });
    const { connectInstanceConfig } = await campaignsClient(emulator).send(
      new GetConnectInstanceConfigCommand({ connectInstanceId: instanceId }),
    );
    expect(connectInstanceConfig?.encryptionConfig).toEqual({ enabled: true, encryptionType: "KMS", keyArn });
  });

  test("already onboarded: succeeds without a new job and prints the same role", async () => {
    const instanceId = await createInstance(emulator);
    const first = await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId));
    await emulator.resetStats();
    const second = await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId));

    expect(second.code).toBe(HookExit.ok);
    expect(summaryOf(second)).toMatchObject({ alreadyOnboarded: true, jobsStarted: 0, roleArn: summaryOf(first).roleArn });
    expect((await emulator.stats()).requests).toEqual({ GetConnectInstanceConfig: 2 });
  });

  describe("jobs that end at once (onboardingPolls: 0)", () => {
    // After the suite's reset before each test, which puts onboardingPolls back to 2.
    beforeEach(() => emulator.configure({ onboardingPolls: 0 }));

    test.each(FAILURE_CODES)("FAILED twice with %s: deletes the job, retries once, then exits 1 with the hint", async (code) => {
      const instanceId = await createInstance(emulator);
      await emulator.failOnboarding(instanceId, code, 2);
      const run = await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId));

      expect(run.code).toBe(HookExit.failed);
      expect(run.stderr).toContain(`onboarding job FAILED with ${code}: ${FAILURE_HINTS[code]}`);
      expect(run.stderr).toContain(
        `campaigns-hook: error: stack campaigns-${ACCOUNT}-${REGION}, instance ${instanceId}: onboarding failed twice with ${code}`,
      );
      const { requests } = await emulator.stats();
      expect(requests.StartInstanceOnboardingJob).toBe(2);
      expect(requests.DeleteInstanceOnboardingJob).toBe(1);
    });

    test("hints name what to fix", () => {
      expect(FAILURE_HINTS.KMS_ACCESS_DENIED).toMatch(/key policy.*kms:Decrypt.*kms:GenerateDataKey/);
      expect(FAILURE_HINTS.KMS_KEY_NOT_FOUND).toMatch(/kms_key_arn.*region/);
      expect(FAILURE_HINTS.IAM_ACCESS_DENIED).toContain(
        "iam:CreateServiceLinkedRole for the service connect-campaigns.amazonaws.com",
      );
      expect(FAILURE_HINTS.EVENT_BRIDGE_ACCESS_DENIED).toContain("events:PutRule");
      expect(FAILURE_HINTS.EVENT_BRIDGE_MANAGED_RULE_LIMIT_EXCEEDED).toMatch(/rules quota/);
      expect(FAILURE_HINTS.INTERNAL_FAILURE).toMatch(/retry later/);
    });

    test("a sticky FAILED job (AWS keeps it 14 days) is deleted and the retry succeeds", async () => {
      const instanceId = await createInstance(emulator);
      await emulator.failOnboarding(instanceId, "IAM_ACCESS_DENIED", 1);
      const failedBefore = await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId));
      expect(failedBefore.code).toBe(HookExit.ok); // the hook's own retry already got past one failure
      expect(summaryOf(failedBefore)).toMatchObject({ jobsStarted: 2, alreadyOnboarded: false });
      expect(failedBefore.stdout).toContain("deleted the failed onboarding job; starting a new one");
      const status = await campaignsClient(emulator).send(
        new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: instanceId }),
      );
      expect(status.connectInstanceOnboardingJobStatus?.status).toBe("SUCCEEDED");
    });
  });

  test("times out while the job stays IN_PROGRESS, naming the setting", async () => {
    const instanceId = await createInstance(emulator);
    await emulator.configure({ onboardingPolls: 1000 });
    try {
      const run = await runBundle(bundle, emulator, "onboard", { ...onboardingInput(instanceId), onboarding_timeout_seconds: 2 });
      expect(run.code).toBe(HookExit.failed);
      expect(run.stderr).toContain("onboarding job still IN_PROGRESS after 2 s (onboarding_timeout_seconds)");
    } finally {
      await emulator.configure({ onboardingPolls: 2 });
    }
  });

  test("offboard: refuses while campaigns exist (exit 3, named), then offboards, then is a no-op", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId));
    const [id] = await createCampaigns(client, instanceId, 1);
    const input = onboardingInput(instanceId);

    const refused = await runBundle(bundle, emulator, "offboard", input);
    expect(refused.code).toBe(HookExit.refused);
    expect(refused.stderr).toContain(`"campaign-000" (${id})`);
    expect(summaryOf(refused)).toMatchObject({ event: "offboard-summary", refused: true, remaining: 1 });

    await client.send(new DeleteCampaignCommand({ id }));
    const done = await runBundle(bundle, emulator, "offboard", input);
    expect(done.code).toBe(HookExit.ok);
    // Deleting the config also removed the job (the emulator does, as offboarding does on AWS):
    // the hook takes the job's ResourceNotFound as done.
    expect(summaryOf(done)).toMatchObject({ refused: false, configDeleted: true, jobDeleted: false });
    const notFound = { name: "ResourceNotFoundException" };
    await expect(client.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instanceId }))).rejects.toMatchObject(
      notFound,
    );
    await expect(client.send(new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: instanceId }))).rejects.toMatchObject(
      notFound,
    );

    const again = await runBundle(bundle, emulator, "offboard", input);
    expect(again.code).toBe(HookExit.ok);
    expect(summaryOf(again)).toMatchObject({ refused: false, alreadyOffboarded: true, configDeleted: false, jobDeleted: false });
  });

  test("offboard of an instance offboarded outside Terraform keeps its campaigns and succeeds (apply -replace= can onboard it again)", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId));
    const [id] = await createCampaigns(client, instanceId, 1);
    // Out of band, as the console does: v2 DeleteConnectInstanceConfig with RETAIN_ALL keeps the campaign.
    await campaignsV2Client(emulator).send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instanceId, campaignDeletionPolicy: "RETAIN_ALL" }));

    const run = await runBundle(bundle, emulator, "offboard", onboardingInput(instanceId));
    expect(run.code).toBe(HookExit.ok);
    expect(run.stdout + run.stderr).toContain("already offboarded: the instance has no campaigns config (nothing deleted; any campaigns it holds are kept)");
    expect(summaryOf(run)).toMatchObject({ refused: false, alreadyOffboarded: true, configDeleted: false });
    await expect(client.send(new DescribeCampaignCommand({ id }))).resolves.toMatchObject({ campaign: { id } });
    // And the onboarding runs again on that instance.
    expect((await runBundle(bundle, emulator, "onboard", onboardingInput(instanceId))).code).toBe(HookExit.ok);
  });
});
