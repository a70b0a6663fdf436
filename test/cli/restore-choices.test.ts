// `restore` run as a user runs it (bin/, a child process with its own environment): two backups of
// one name (two destroys into one directory, the campaign recreated in between) restore the newest
// and report the older one, in --dry-run and --json too; symbolic links are reported, not
// followed; and a dry run with another account's credentials refuses like the real run.
import * as fs from "node:fs";
import * as path from "node:path";
import { CreateCampaignCommand, DeleteCampaignCommand, type CreateCampaignRequest } from "@aws-sdk/client-connectcampaigns";
import { HookExit } from "../../modules/hooks/contract";
import { assumeAccount } from "../emulator/aws-fixtures";
import { describeWithEmulator, REGION, useEmulator } from "../emulator/emulator";
import { runBinWithEmulator } from "../support/bin";
import { ACCOUNT, buildBundle, campaignsClient, createInstance, describe as describeCampaign, hookInput, runBundle, tempDir } from "../hooks/runtime/fixtures";

const request = (instanceId: string, flow: string): CreateCampaignRequest => ({
  name: "recreated",
  connectInstanceId: instanceId,
  dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 1 } },
  outboundCallConfig: { connectContactFlowId: flow },
});

describeWithEmulator("restore: the newest of two backups of one name; links reported; the account checked in a dry run (bin)", () => {
  const emulator = useEmulator();
  let bundle: string;
  beforeAll(() => {
    bundle = buildBundle();
  });

  test("two destroys into one directory: the newer backup is restored, the older one reported as skipped", async () => {
    const client = campaignsClient(emulator());
    const instanceId = await createInstance(emulator());
    const input = hookInput(instanceId);
    const { id: first } = await client.send(new CreateCampaignCommand(request(instanceId, "flow-old")));
    expect((await runBundle(bundle, emulator(), "cleanup", input)).code).toBe(HookExit.ok);
    // The recreated campaign's id must sort after the first one's: restore used to take the file that sorts first.
    let second: string | undefined;
    for (;;) {
      ({ id: second } = await client.send(new CreateCampaignCommand(request(instanceId, "flow-new"))));
      if (second! > first!) break;
      await client.send(new DeleteCampaignCommand({ id: second }));
    }
    expect((await runBundle(bundle, emulator(), "cleanup", input)).code).toBe(HookExit.ok);
    const dir = path.join(input.backup_dir, ACCOUNT, REGION, instanceId);
    const older = path.join(dir, `${first}.json`);
    const newer = path.join(dir, `${second}.json`);
    // A linked folder: reported, never followed.
    const elsewhere = tempDir("linked");
    fs.symlinkSync(elsewhere, path.join(input.backup_dir, "linked"));

    const dry = await runBinWithEmulator(emulator(), ["restore", input.backup_dir, "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as { summary: Record<string, unknown>; campaigns: Record<string, unknown>[]; skipped: unknown[] };
    expect(plan.summary).toMatchObject({ found: 2, created: 0, olderSkipped: 1, linksSkipped: 1, dryRun: true });
    expect(plan.campaigns).toEqual([
      expect.objectContaining({ file: newer, outcome: "would-create", name: "recreated" }),
      expect.objectContaining({ file: older, outcome: "older-backup", newerFile: newer }),
    ]);
    expect(plan.skipped).toEqual([{ path: path.join(input.backup_dir, "linked"), reason: "symbolic-link" }]);
    expect(dry.stderr).toContain(`skipped ${older}: an older backup of "recreated"`);
    expect(dry.stderr).toContain(`skipped ${path.join(input.backup_dir, "linked")}: a symbolic link`);

    const real = await runBinWithEmulator(emulator(), ["restore", input.backup_dir, "--json"]);
    expect(real.code).toBe(0);
    const done = JSON.parse(real.stdout) as { campaigns: { outcome: string; newId?: string; file: string }[] };
    const created = done.campaigns.filter((c) => c.outcome === "created");
    expect(created.map((c) => c.file)).toEqual([newer]);
    expect((await describeCampaign(client, created[0].newId!)).outboundCallConfig?.connectContactFlowId).toBe("flow-new");
  });

  test("restore --dry-run with another account's credentials: exit 3 naming both accounts, nothing listed or created", async () => {
    const client = campaignsClient(emulator());
    const instanceId = await createInstance(emulator());
    const input = hookInput(instanceId);
    await client.send(new CreateCampaignCommand(request(instanceId, "flow-1")));
    expect((await runBundle(bundle, emulator(), "cleanup", input)).code).toBe(HookExit.ok);
    const other = await assumeAccount(emulator(), "777777777777");
    await emulator().resetStats();

    const run = await runBinWithEmulator(emulator(), ["restore", input.backup_dir, "--dry-run"], {
      AWS_ACCESS_KEY_ID: other.accessKeyId,
      AWS_SECRET_ACCESS_KEY: other.secretAccessKey,
      AWS_SESSION_TOKEN: other.sessionToken ?? "",
    });

    expect(run.code).toBe(HookExit.refused);
    expect(run.stderr).toContain("the credentials act in account 777777777777");
    expect(run.stderr).toContain(`targets account ${ACCOUNT}`);
    expect(run.stdout).not.toContain("would create");
    expect((await emulator().stats()).requests).toEqual({});
  });
});
