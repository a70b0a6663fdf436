import * as fs from "node:fs";
import * as path from "node:path";
import { ListCampaignsCommand } from "@aws-sdk/client-connectcampaigns";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount, EmulatedAccount } from "../support/account";
import { cli } from "../support/cli";
import { useProcessEnv } from "../support/process-env";
import { scratchDir } from "../support/terraform";
import { describeWithEmulator } from "../emulator/emulator";

const ACCOUNT = "666666666666";
const REGION = "us-west-2";
const STACK = `campaigns-${ACCOUNT}-${REGION}`;

/** `cleanup` and `restore` by hand, in-process, over real HTTP to the emulator. */
describeWithEmulator("cleanup and restore commands", () => {
  const running = useEmulator();
  let emulator: Emulator;
  // The commands run in this process and read the AWS environment, as on a developer's machine.
  const processEnv = useProcessEnv();
  let account: EmulatedAccount;
  let instance: string;
  let config: string;
  let backups: string;

  const names = async () => {
    const listed = await account.campaigns.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: instance, operator: "Eq" } } }));
    return (listed.campaignSummaryList ?? []).map((c) => c.name).sort();
  };

  beforeAll(async () => {
    emulator = running();
    account = await emulatedAccount(emulator, ACCOUNT, REGION);
    instance = await account.createInstance();
    await account.createCampaigns(instance, 4, "spring");
    const dir = scratchDir("cli-cleanup");
    backups = path.join(dir, "backups");
    config = path.join(dir, "rollout.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        defaults: { deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy", campaignBackup: { dir: backups } },
        targets: [{ account: ACCOUNT, region: REGION, instances: [{ id: instance }] }],
      }),
    );
    // The commands run in this process: the SDK reads the emulator's endpoint and credentials from the environment.
    processEnv.set({ ...emulator.env, CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "20" });
  });

  it("--dry-run lists what would be backed up and deleted, and changes nothing", async () => {
    const run = await cli("cleanup", "--config", config, "--stack", STACK, "--dry-run", "--json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { dryRun: boolean; instances: { summary: { found: number; wouldRefuse: boolean }; campaigns: { name: string; backupPath: string }[] }[] };
    expect(report.dryRun).toBe(true);
    expect(report.instances[0].summary).toMatchObject({ found: 4, wouldRefuse: true });
    expect(report.instances[0].campaigns.map((c) => c.name).sort()).toEqual(["spring-1", "spring-2", "spring-3", "spring-4"]);
    expect(report.instances[0].campaigns[0].backupPath.startsWith(path.join(backups, ACCOUNT, REGION, instance))).toBe(true);
    expect(fs.existsSync(backups)).toBe(false);
    expect(await names()).toHaveLength(4);
  });

  it("refuses with exit 3 when the config does not allow deletion, naming the campaigns", async () => {
    const run = await cli("cleanup", "--config", config, "--stack", STACK);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('"spring-1"');
    expect(run.stderr).toContain("--allow-deletion");
    expect(await names()).toHaveLength(4);
    expect(fs.existsSync(backups)).toBe(false);
  });

  it("deletes with --allow-deletion, each campaign backed up first", async () => {
    const run = await cli("cleanup", "--config", config, "--stack", STACK, "--allow-deletion");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("done: 4 deleted, 0 already gone, 0 stopped first, 4 backed up under");
    // Human output is sentences: the hook's JSON summary line is for Terraform's log, not here.
    expect(run.stdout).not.toMatch(/^\{|"event":/m);
    expect(fs.readdirSync(path.join(backups, ACCOUNT, REGION, instance))).toHaveLength(4);
    expect(await names()).toEqual([]);
  });

  it("restore recreates them from the backups, then skips them on a second run", async () => {
    const first = await cli("restore", backups, "--role-template", "arn:aws:iam::{account}:role/terraform-deploy", "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).summary).toMatchObject({ found: 4, created: 4, existing: 0, dryRun: false });
    expect(await names()).toEqual(["spring-1", "spring-2", "spring-3", "spring-4"]);
    const again = await cli("restore", path.join(backups, ACCOUNT), "--role-template", "arn:aws:iam::{account}:role/terraform-deploy", "--json");
    expect(JSON.parse(again.stdout).summary).toMatchObject({ found: 4, created: 0, existing: 4 });
  });

  it("names bad input without a stack trace", async () => {
    expect(await cli("cleanup", "--config", config, "--stack", "campaigns-999999999999-us-east-1")).toMatchObject({ code: 1, stderr: expect.stringContaining('no stack "campaigns-999999999999-us-east-1"') });
    expect(await cli("restore", "/no/such/dir")).toMatchObject({ code: 1, stderr: "/no/such/dir: expected a directory of campaign backups\n" });
    expect(await cli("cleanup", "--config", config)).toMatchObject({ code: 64 });
  });
});
