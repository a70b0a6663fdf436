// A cleanup hook killed with SIGKILL midway finishes the job when run again, losing no backup.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describeWithEmulator, REGION, type Emulator, useEmulator } from "../../emulator/emulator";
import { serializeCampaign } from "../../../modules/hooks/runtime";
import { HookExit } from "../../../modules/hooks/contract";
import {
  ACCOUNT,
  buildBundle,
  campaignsClient,
  createCampaigns,
  createInstance,
  describe as describeCampaign,
  expectBackupFile,
  hookInput,
  listNames,
  runBundle,
  summaryOf,
} from "./fixtures";

const COUNT = 40;
const KILL_AFTER_DELETES = 12;

describeWithEmulator("cleanup hook killed with SIGKILL", () => {
  const running = useEmulator({ reset: "test" });
  let emulator: Emulator;
  let bundle: string;

  beforeAll(async () => {
    bundle = buildBundle();
    emulator = running();
  });

  test(`killed after ${KILL_AFTER_DELETES} of ${COUNT} deletions, re-run: all deleted, all backed up byte-equal`, async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const ids = await createCampaigns(client, instanceId, COUNT, { running: 4 });
    const before = new Map<string, (backedUpAt: string) => string>();
    for (const id of ids) {
      const described = await describeCampaign(client, id);
      before.set(`${id}.json`, (at) => serializeCampaign(described, at));
    }
    const input = hookInput(instanceId);
    const deletions = (stdout: string) => stdout.match(/→ deleted\n/g)?.length ?? 0;

    // 4× AWS's quotas: deletes at 4/s, slow enough to kill the hook in the middle.
    const killed = await runBundle(bundle, emulator, "cleanup", input, {
      env: { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "4" },
      killWhen: (stdout) => deletions(stdout) >= KILL_AFTER_DELETES,
    });
    expect(killed.signal).toBe("SIGKILL");
    const left = await listNames(client, instanceId);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThanOrEqual(COUNT - KILL_AFTER_DELETES);

    const rerun = await runBundle(bundle, emulator, "cleanup", input);
    expect(rerun.stderr).toBe("");
    expect(rerun.code).toBe(HookExit.ok);
    expect(summaryOf(rerun)).toMatchObject({ found: left.length, backedUp: left.length, deleted: left.length, alreadyGone: 0 });
    expect(await listNames(client, instanceId)).toEqual([]);

    const dir = join(input.backup_dir, ACCOUNT, REGION, instanceId);
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort(),
    ).toEqual([...before.keys()].sort());
    for (const [file, content] of before) expectBackupFile(join(dir, file), content);
  });
});
