import * as fs from "node:fs";
import * as path from "node:path";
import { spawn } from "node:child_process";
import { ListCampaignsCommand } from "@aws-sdk/client-connectcampaigns";
import { terraformEnv } from "../../modules/terraform-cli";
import { useEmulator } from "../emulator/emulator";
import { terraformAndEmulator } from "../support/all-tools";
import { applyOneTarget, expectOk } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";

/** Resolves when `count()` reaches `target`, polling; rejects after `timeoutMs`. */
async function waitFor(count: () => number, target: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (count() < target) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${target}, got ${count()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A pipeline runner dies mid-destroy (SIGKILL): the next destroy finishes the job and loses nothing. */
describeWithTools("lifecycle: destroy killed midway, then destroyed again", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("completes on the second run with every campaign backed up and none left", async () => {
    const { account, instance, ws, stack } = await applyOneTarget(
      emulator(),
      { account: "444444444444", region: "ca-central-1", prefix: "kill-midway" },
      { allowCampaignDeletion: true },
    );
    const ids = await account.createCampaigns(instance, 30);
    const backups = path.join(ws.backupDir, "444444444444", "ca-central-1", instance);
    const backedUp = () => (fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith(".json")).length : 0);

    // Slow the emulator so the kill lands inside the hook; kill terraform and the hook (its process group).
    await emulator().configure({ latencyMs: 150 });
    const destroy = spawn("terraform", [`-chdir=${ws.stackDir(stack)}`, "destroy", "-auto-approve", "-input=false", "-no-color"], {
      env: terraformEnv({ ...process.env, ...ws.env }),
      detached: true,
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => destroy.once("exit", (_, signal) => resolve(signal)));
    await waitFor(backedUp, 8, 120_000);
    process.kill(-destroy.pid!, "SIGKILL");
    expect(await exited).toBe("SIGKILL");
    await emulator().configure({ latencyMs: 0 });

    const remaining = await account.campaigns.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: instance, operator: "Eq" } } }));
    expect(remaining.campaignSummaryList!.length).toBeGreaterThan(0); // the kill did land midway

    const rerun = await ws.destroy(stack);
    expectOk(rerun, "second destroy");
    expect(fs.readdirSync(backups).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
    const left = await account.campaigns.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: instance, operator: "Eq" } } }));
    expect(left.campaignSummaryList).toEqual([]);
    expect(await ws.stateList(stack)).toEqual([]);
  });
});
