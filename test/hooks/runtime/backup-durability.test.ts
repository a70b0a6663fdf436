// Backups are durable before the campaign is deleted: the bundled hook, run under strace, flushes
// each backup's temporary file (fsync) before renaming it to its final name, then flushes the
// directory that holds the new name, and reads the file back, all before its DeleteCampaign.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HookExit } from "../../../modules/hooks/contract";
import { emulatorAvailability, REGION, useEmulator } from "../../emulator/emulator";
import { describeWithTools } from "../../support/tiers";
import { ACCOUNT, campaignsClient, buildBundle, createCampaigns, createInstance, hookInput, listNames, runBundle, tempDir } from "./fixtures";

function straceAndEmulator() {
  const probe = spawnSync("strace", ["-f", "-o", "/dev/null", "true"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { ok: false, reason: `strace cannot trace here: ${probe.error?.message ?? probe.stderr.trim()}` };
  const emulator = emulatorAvailability();
  return emulator.ok ? { ok: true } : { ok: false, reason: `AWS emulator unavailable: ${emulator.reason}` };
}

describeWithTools("backups are flushed to disk before the rename and the delete (strace)", straceAndEmulator, () => {
  const emulator = useEmulator();

  test("each backup: write tmp → fsync(tmp) → rename(tmp, final) → fsync(directory) → read back; then the campaign is deleted", async () => {
    const client = campaignsClient(emulator());
    const instanceId = await createInstance(emulator());
    const ids = await createCampaigns(client, instanceId, 3);
    const input = hookInput(instanceId);
    const trace = join(tempDir("strace"), "trace.txt");
    // strace runs node: the bundle's own syscalls, every thread (libuv's pool makes the fsyncs).
    const straced = await runBundle(buildBundle(), emulator(), "cleanup", input, {
      prefix: ["strace", "-f", "-y", "-qq", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,openat", "-o", trace],
    });
    expect(straced.stderr).toBe("");
    expect(straced.code).toBe(HookExit.ok);
    expect(await listNames(client, instanceId)).toEqual([]);

    const lines = readFileSync(trace, "utf8").split("\n");
    const dir = join(input.backup_dir, ACCOUNT, REGION, instanceId);
    for (const id of ids) {
      const final = join(dir, `${id}.json`);
      const at = (pattern: RegExp): number => lines.findIndex((line) => pattern.test(line));
      const escaped = final.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const synced = at(new RegExp(`fsync\\(\\d+<${escaped}\\.\\d+\\.[0-9a-f]+\\.tmp>`));
      const renamed = at(new RegExp(`rename(at2?)?\\(.*"${escaped}\\.\\d+\\.[0-9a-f]+\\.tmp".*"${escaped}"`));
      const dirSynced = lines.findIndex((line, i) => i > renamed && new RegExp(`fsync\\(\\d+<${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}>`).test(line));
      const readBack = lines.findIndex((line, i) => i > renamed && line.includes(`"${final}"`) && line.includes("O_RDONLY"));
      expect({ id, synced: synced >= 0, renamedAfterSync: renamed > synced, dirSyncedAfterRename: dirSynced > renamed, readBack: readBack > renamed }).toEqual({
        id,
        synced: true,
        renamedAfterSync: true,
        dirSyncedAfterRename: true,
        readBack: true,
      });
    }
  });
});
