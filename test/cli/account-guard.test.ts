// Destructive commands check which account their credentials act in.
// The observed bug: `cleanup --allow-deletion` run with credentials of another account deleted
// the 12 campaigns that account had on an instance with the same id, and exited 0.
import * as fs from "node:fs";
import * as path from "node:path";
import { ListCampaignsCommand } from "@aws-sdk/client-connectcampaigns";
import { HookExit } from "../../modules/hooks/contract";
import { describeWithEmulator, type Emulator, useEmulator } from "../emulator/emulator";
import { assumeAccount, type AccountCredentials } from "../emulator/aws-fixtures";
import { emulatedAccount, type EmulatedAccount } from "../support/account";
import { cli } from "../support/cli";
import { useProcessEnv } from "../support/process-env";
import { scratchDir } from "../support/terraform";

const TARGET = "666666666666";
const OTHER = "777777777777";
const REGION = "us-west-2";
const STACK = `campaigns-${TARGET}-${REGION}`;
// The same instance id in both accounts: what a copied config, or a test account mirroring
// production, looks like. Instance ids are UUIDs, so only this makes the other account's
// campaigns answer to the target's instance filter.
const INSTANCE = "5a1c7e2b-3f4d-4e8a-9b6c-0d1e2f3a4b5c";

describeWithEmulator("account guard: cleanup and restore refuse credentials of another account", () => {
  const running = useEmulator();
  let emulator: Emulator;
  // The commands run in this process and read the AWS environment, as on a developer's machine.
  const processEnv = useProcessEnv();
  let other: EmulatedAccount;
  let otherCredentials: AccountCredentials;
  let dir: string;
  let config: string;

  const otherNames = async (): Promise<string[]> => {
    const listed = await other.campaigns.send(
      new ListCampaignsCommand({ filters: { instanceIdFilter: { value: INSTANCE, operator: "Eq" } } }),
    );
    return (listed.campaignSummaryList ?? []).map((c) => c.name ?? "").sort();
  };

  /** The commands act as whoever the environment's credentials are, as on a developer's machine. */
  const actAs = (credentials: AccountCredentials): void => {
    processEnv.set({
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken || undefined,
    });
  };

  beforeAll(async () => {
    emulator = running();
    await emulator.seed({
      connectInstances: [
        { account: TARGET, region: REGION, id: INSTANCE },
        { account: OTHER, region: REGION, id: INSTANCE },
      ],
    });
    other = await emulatedAccount(emulator, OTHER, REGION);
    otherCredentials = await assumeAccount(emulator, OTHER);
    await other.createCampaigns(INSTANCE, 12, "other");
    dir = scratchDir("account-guard");
    config = path.join(dir, "rollout.json");
    // No deploy role: the hook acts as the caller, which is where wrong credentials bite.
    fs.writeFileSync(
      config,
      JSON.stringify({
        defaults: { campaignBackup: { dir: path.join(dir, "backups") } },
        targets: [{ account: TARGET, region: REGION, instances: [{ id: INSTANCE }] }],
      }),
    );
    processEnv.set({ ...emulator.env, CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "20" });
    actAs(otherCredentials);
  });

  const expectRefusalNamingBoth = (stderr: string): void => {
    expect(stderr).toContain(`the credentials act in account ${OTHER}`);
    expect(stderr).toContain(`targets account ${TARGET}`);
    expect(stderr).toContain("Nothing was touched");
  };

  it("cleanup --allow-deletion refuses with exit 3; the other account keeps its 12 campaigns", async () => {
    expect(await otherNames()).toHaveLength(12);
    const run = await cli("cleanup", "--config", config, "--stack", STACK, "--allow-deletion");
    expect(run.code).toBe(HookExit.refused);
    expectRefusalNamingBoth(run.stderr);
    expect(run.stdout).not.toMatch(/deleted|backed up/);
    expect(await otherNames()).toHaveLength(12);
    expect(fs.existsSync(path.join(dir, "backups"))).toBe(false);
  });

  it("--json: exit 3, nothing on stdout claims a deletion", async () => {
    const run = await cli("cleanup", "--config", config, "--stack", STACK, "--allow-deletion", "--json");
    expect(run.code).toBe(HookExit.refused);
    expect(run.stdout).toBe("");
    expectRefusalNamingBoth(run.stderr);
    expect(await otherNames()).toHaveLength(12);
  });

  it("a dry run refuses too: it would list the other account's campaigns as the stack's", async () => {
    const run = await cli("cleanup", "--config", config, "--stack", STACK, "--dry-run");
    expect(run.code).toBe(HookExit.refused);
    expectRefusalNamingBoth(run.stderr);
    expect(run.stdout).not.toContain("would back up");
  });

  it("restore refuses when the credentials' account is not the backup's, creating nothing", async () => {
    // A backup of the target account's campaign, as a cleanup files it.
    const backups = path.join(dir, "restore-src");
    const file = path.join(backups, TARGET, REGION, INSTANCE, "c0ffee00-0000-4000-8000-000000000001.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      `${JSON.stringify(
        {
          id: "c0ffee00-0000-4000-8000-000000000001",
          arn: `arn:aws:connect-campaigns:${REGION}:${TARGET}:campaign/c0ffee00-0000-4000-8000-000000000001`,
          name: "target-only",
          connectInstanceId: INSTANCE,
          dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 1 } },
          outboundCallConfig: { connectContactFlowId: "flow-1" },
        },
        null,
        2,
      )}\n`,
    );
    const run = await cli("restore", backups);
    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain(`the credentials act in account ${OTHER}`);
    expect(run.stderr).toContain(`the backup (${file}) targets account ${TARGET}`);
    expect(await otherNames()).not.toContain("target-only");
    expect(await otherNames()).toHaveLength(12);
  });

  it("with the target account's credentials the same cleanup goes ahead (the guard is not a blanket refusal)", async () => {
    actAs(await assumeAccount(emulator, TARGET));
    try {
      const run = await cli("cleanup", "--config", config, "--stack", STACK, "--allow-deletion");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(HookExit.ok);
      expect(run.stdout).toContain("done: 0 deleted");
      // Human output is sentences only: the hook's JSON summary line is not printed.
      expect(run.stdout).not.toMatch(/^\{/m);
    } finally {
      actAs(otherCredentials);
    }
    expect(await otherNames()).toHaveLength(12);
  });
});
