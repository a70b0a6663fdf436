// The bundled hooks, as Terraform runs them, with credentials of another account: cleanup and
// offboarding refuse (exit 3) before touching anything; the check is made after assuming the
// deploy role, so a deploy role of the target account makes the same credentials fine.
import { GetConnectInstanceConfigCommand, StartInstanceOnboardingJobCommand } from "@aws-sdk/client-connectcampaigns";
import { HookExit } from "../../../modules/hooks/contract";
import { describeWithEmulator, type Emulator, useEmulator } from "../../emulator/emulator";
import { assumeAccount, type AccountCredentials } from "../../emulator/aws-fixtures";
import { emulatedAccount, type EmulatedAccount } from "../../support/account";
import { buildBundle, hookInput, listNames, onboardingHookInput, runBundle } from "./fixtures";

const TARGET = "666666666666";
const OTHER = "777777777777";
const REGION = "us-west-2";
const INSTANCE = "7b2d8f3c-4a5e-4f9b-8c7d-1e2f3a4b5c6d";

const credentialsEnv = (c: AccountCredentials): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: c.accessKeyId,
  AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
  AWS_SESSION_TOKEN: c.sessionToken ?? "",
  AWS_REGION: REGION,
});

describeWithEmulator("hooks refuse credentials of another account (bundled)", () => {
  const running = useEmulator({ onboardingPolls: 0 });
  let emulator: Emulator;
  let bundle: string;
  let other: EmulatedAccount;
  let otherEnv: Record<string, string>;
  const input = (overrides = {}) =>
    hookInput(INSTANCE, { stack: `campaigns-${TARGET}-${REGION}`, account: TARGET, region: REGION, ...overrides });

  beforeAll(async () => {
    bundle = buildBundle();
    emulator = running();
    await emulator.seed({
      connectInstances: [
        { account: TARGET, region: REGION, id: INSTANCE },
        { account: OTHER, region: REGION, id: INSTANCE },
      ],
    });
    other = await emulatedAccount(emulator, OTHER, REGION);
    otherEnv = credentialsEnv(await assumeAccount(emulator, OTHER));
    await other.campaigns.send(
      new StartInstanceOnboardingJobCommand({ connectInstanceId: INSTANCE, encryptionConfig: { enabled: false } }),
    );
    await other.createCampaigns(INSTANCE, 3, "other");
  });

  test("cleanup: exit 3 naming both accounts, no summary claiming success, the other account's campaigns kept", async () => {
    const run = await runBundle(bundle, emulator, "cleanup", input(), { env: otherEnv });
    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`refusing to clean up campaigns: the credentials act in account ${OTHER}`);
    expect(run.stderr).toContain(`the stack targets account ${TARGET}`);
    expect(run.stdout).toBe("");
    expect(await listNames(other.campaigns, INSTANCE)).toEqual(["other-1", "other-2", "other-3"]);
  });

  test("offboard: exit 3, the other account's instance stays onboarded", async () => {
    const run = await runBundle(bundle, emulator, "offboard", onboardingHookInput(INSTANCE, { stack: `campaigns-${TARGET}-${REGION}`, account: TARGET, region: REGION }), { env: otherEnv });
    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`refusing to offboard the instance: the credentials act in account ${OTHER}`);
    const config = await other.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: INSTANCE }));
    expect(config.connectInstanceConfig?.connectInstanceId).toBe(INSTANCE);
  });

  test("onboard: exit 3 naming both accounts, no onboarding call made in either account", async () => {
    await emulator.resetStats();
    const run = await runBundle(bundle, emulator, "onboard", onboardingHookInput(INSTANCE, { stack: `campaigns-${TARGET}-${REGION}`, account: TARGET, region: REGION }), { env: otherEnv });
    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`refusing to onboard the instance: the credentials act in account ${OTHER}`);
    expect(run.stderr).toContain(`the stack targets account ${TARGET}`);
    expect(run.stdout).toBe("");
    // Refused at STS GetCallerIdentity, before any connect-campaigns call.
    expect((await emulator.stats()).requests).toEqual({});
    const target = await emulatedAccount(emulator, TARGET, REGION);
    await expect(target.campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: INSTANCE }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  test("the same credentials with the target's deploy role act in the target account: the cleanup goes ahead", async () => {
    const run = await runBundle(
      bundle,
      emulator,
      "cleanup",
      input({ deploy_role_arn: `arn:aws:iam::${TARGET}:role/terraform-deploy` }),
      { env: otherEnv },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(HookExit.ok);
    expect(run.stdout).toContain("done: 0 deleted");
    expect(await listNames(other.campaigns, INSTANCE)).toHaveLength(3);
  });
});
