// planCleanup and runCleanup called in-process (as the CLI calls them), against the emulator.
import { existsSync } from "node:fs";
import { DeleteCampaignCommand } from "@aws-sdk/client-connectcampaigns";
import { describeWithEmulator, type Emulator, useEmulator } from "../../emulator/emulator";
import { createClients, planCleanup, runCleanup, type OutputStreams } from "../../../modules/hooks/runtime";
import { HookExit } from "../../../modules/hooks/contract";
import { campaignsClient, createCampaigns, createInstance, FAST_QUOTAS, hookInput, listNames } from "./fixtures";

function capture(isTTY = false): OutputStreams & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text), isTTY },
    out: () => out,
    err: () => err,
  };
}

describeWithEmulator("cleanup in-process", () => {
  // The code under test builds its clients from the default chain, as the CLI does.
  const running = useEmulator({ defaultChain: true, reset: "test" });
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = running();
  });

  test("planCleanup (dry run) lists name, id, state and backup path, and changes nothing", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const ids = await createCampaigns(client, instanceId, 3, { running: 1, paused: 1 });
    const input = hookInput(instanceId, { allow_campaign_deletion: false });
    const output = capture();
    await emulator.resetStats();

    const plan = await planCleanup(input, { env: FAST_QUOTAS, output });

    expect((await emulator.stats()).requests).toEqual({ ListCampaigns: 1, "v2:ListCampaigns": 1, GetCampaignStateBatch: 1 });
    expect(plan.campaigns.map((c) => [c.name, c.id, c.state])).toEqual([
      ["campaign-000", ids[0], "Running"],
      ["campaign-001", ids[1], "Paused"],
      ["campaign-002", ids[2], "Initialized"],
    ]);
    expect(plan.campaigns[0].backupPath).toBe(`${input.backup_dir}/123456789012/us-east-1/${instanceId}/${ids[0]}.json`);
    expect(plan.summary).toMatchObject({ event: "cleanup-plan", found: 3, wouldStop: 2, dryRun: true, wouldRefuse: true });
    expect(output.out()).toContain(
      `would back up "campaign-000" (${ids[0]}, Running) to ${plan.campaigns[0].backupPath}, stop, delete`,
    );
    expect(existsSync(input.backup_dir) && (await import("node:fs")).readdirSync(input.backup_dir)).toEqual([]);
    expect(await listNames(client, instanceId)).toEqual(["campaign-000", "campaign-001", "campaign-002"]);
  });

  test("a relative backup_dir is resolved against the cwd option (the stack directory), not the process's cwd", async () => {
    // What `review --live` does: it runs in the project root, the stack stores backup_dir
    // relative to its own directory (cdktf.out/stacks/<id>), where local-exec runs the hook.
    const instanceId = await createInstance(emulator);
    const [id] = await createCampaigns(campaignsClient(emulator), instanceId, 1);
    const input = hookInput(instanceId, { backup_dir: "../../../campaign-backups" });
    const stackDir = "/checkout/cdktf.out/stacks/campaigns-123456789012-us-east-1";

    const plan = await planCleanup(input, { env: FAST_QUOTAS, output: capture(), cwd: stackDir });

    expect(plan.summary.backupDir).toBe("/checkout/campaign-backups");
    expect(plan.campaigns[0].backupPath).toBe(`/checkout/campaign-backups/123456789012/us-east-1/${instanceId}/${id}.json`);
  });

  test("a campaign deleted by someone else meanwhile counts as alreadyGone, not an error", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const [victim, ...others] = await createCampaigns(client, instanceId, 4);
    const clients = createClients({ region: "us-east-1", roleArn: null, sessionLabel: "test", quotaMultiplier: 20 });
    // Someone deletes `victim` between the hook's ListCampaigns and its DescribeCampaign.
    clients.campaigns.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "DescribeCampaignCommand" && (args.input as { id?: string }).id === victim) {
          await client.send(new DeleteCampaignCommand({ id: victim }));
        }
        return next(args);
      },
      { step: "initialize", name: "deleteVictimFirst" },
    );
    const output = capture();

    const result = await runCleanup(hookInput(instanceId), { clients, output });

    expect(result.exitCode).toBe(HookExit.ok);
    expect(result.summary).toMatchObject({ found: 4, backedUp: 3, deleted: 3, alreadyGone: 1, stopped: 0 });
    expect(result.campaigns.find((c) => c.id === victim)).toEqual({
      id: victim,
      name: "campaign-000",
      api: "v1",
      stopped: false,
      result: "already-gone",
    });
    expect(
      result.campaigns
        .filter((c) => c.result === "deleted")
        .map((c) => c.id)
        .sort(),
    ).toEqual([...others].sort());
    expect(output.out()).toContain(`"campaign-000" (${victim}): already gone (deleted by someone else)`);
    expect(output.err()).toBe("");
  });

  test("progress bar on stderr only when it is a terminal", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    await createCampaigns(client, instanceId, 3);
    const tty = capture(true);
    await runCleanup(hookInput(instanceId), { env: FAST_QUOTAS, output: tty });
    expect(tty.err()).toContain("] 3/3 campaigns");
    expect(tty.out()).not.toContain("\r");

    await createCampaigns(client, instanceId, 3);
    const pipe = capture(false);
    await runCleanup(hookInput(instanceId), { env: FAST_QUOTAS, output: pipe });
    expect(pipe.err()).toBe("");
  });
});
