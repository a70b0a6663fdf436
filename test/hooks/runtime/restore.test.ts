// Restoring campaigns from cleanup backups, in-process (as the CLI calls it), against the emulator.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeWithEmulator, REGION, type Emulator, useEmulator } from "../../emulator/emulator";
import { restoreBackups, type OutputStreams } from "../../../modules/hooks/runtime";
import { HookExit } from "../../../modules/hooks/contract";
import {
  ACCOUNT,
  buildBundle,
  campaignsClient,
  createCampaigns,
  createInstance,
  describe as describeCampaign,
  FAST_QUOTAS,
  hookInput,
  listNames,
  runBundle,
  tempDir,
} from "./fixtures";

function capture(): OutputStreams & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text), isTTY: false },
    out: () => out,
    err: () => err,
  };
}

describeWithEmulator("restoreBackups", () => {
  // The code under test builds its clients from the default chain, as the CLI does.
  const running = useEmulator({ defaultChain: true, reset: "test" });
  let emulator: Emulator;
  let bundle: string;

  beforeAll(async () => {
    bundle = buildBundle();
    emulator = running();
  });

  test("recreates every backed-up campaign (name, dialer, outbound config, tags), then skips them on a re-run", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const ids = await createCampaigns(client, instanceId, 30, { running: 3, paused: 2 });
    const originals = await Promise.all(ids.map((id) => describeCampaign(client, id)));
    const input = hookInput(instanceId);
    expect((await runBundle(bundle, emulator, "cleanup", input)).code).toBe(HookExit.ok);
    expect(await listNames(client, instanceId)).toEqual([]);

    const dryOutput = capture();
    const dry = await restoreBackups(input.backup_dir, { dryRun: true, env: FAST_QUOTAS, output: dryOutput });
    expect(dry.summary).toMatchObject({ found: 30, created: 0, existing: 0, dryRun: true });
    expect(dry.campaigns.every((c) => c.outcome === "would-create")).toBe(true);
    expect(await listNames(client, instanceId)).toEqual([]);

    const output = capture();
    const result = await restoreBackups(input.backup_dir, { env: FAST_QUOTAS, output });
    expect(result.exitCode).toBe(HookExit.ok);
    expect(result.summary).toEqual({
      event: "restore-summary",
      dir: input.backup_dir,
      found: 30,
      created: 30,
      existing: 0,
      olderSkipped: 0,
      linksSkipped: 0,
      dryRun: false,
    });
    expect(JSON.parse(output.out().trim().split("\n").pop() ?? "")).toEqual(result.summary);
    expect(result.campaigns.map((c) => [c.account, c.region, c.instanceId])).toEqual(
      ids.map(() => [ACCOUNT, REGION, instanceId]),
    );

    const restored = new Map(
      (await Promise.all(result.campaigns.map((c) => describeCampaign(client, c.newId ?? "")))).map((c) => [c.name, c]),
    );
    expect(restored.size).toBe(30);
    for (const original of originals) {
      const copy = restored.get(original.name);
      expect(copy).toBeDefined();
      expect(copy?.id).not.toBe(original.id);
      expect({ ...copy, id: undefined, arn: undefined }).toEqual({ ...original, id: undefined, arn: undefined });
    }

    const again = await restoreBackups(input.backup_dir, { env: FAST_QUOTAS, output: capture() });
    expect(again.summary).toMatchObject({ found: 30, created: 0, existing: 30 });
    expect(await listNames(client, instanceId)).toHaveLength(30);
  });

  test("refuses, naming each bad file, and creates nothing", async () => {
    const client = campaignsClient(emulator);
    const instanceId = await createInstance(emulator);
    const input = hookInput(instanceId);
    await createCampaigns(client, instanceId, 2);
    expect((await runBundle(bundle, emulator, "cleanup", input)).code).toBe(HookExit.ok);
    const dir = join(input.backup_dir, ACCOUNT, REGION, instanceId);
    const [first] = readdirSync(dir);
    writeFileSync(join(dir, "11111111-1111-1111-1111-111111111111.json"), "{ not json");
    writeFileSync(
      join(dir, "22222222-2222-2222-2222-222222222222.json"),
      JSON.stringify({ id: "22222222-2222-2222-2222-222222222222", name: "x" }),
    );

    const attempt = restoreBackups(input.backup_dir, { env: FAST_QUOTAS, output: capture() });
    await expect(attempt).rejects.toMatchObject({ name: "HookFailure", exitCode: HookExit.failed });
    const message = ((await attempt.catch((e: Error) => e)) as Error).message;
    expect(message).toContain("refusing to restore: 2 bad backup file(s), nothing was created");
    expect(message).toContain(`${join(dir, "11111111-1111-1111-1111-111111111111.json")}: not valid JSON`);
    expect(message).toContain(`${join(dir, "22222222-2222-2222-2222-222222222222.json")}: missing connectInstanceId`);
    expect(message).not.toContain(first);
    expect(await listNames(client, instanceId)).toEqual([]);
  });

  test("files outside the <account>/<region>/<instance>/<id>.json layout are refused", async () => {
    const dir = join(tempDir("layout"), "not-an-account", "us-east-1", "i");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "c.json"), "{}");
    await expect(restoreBackups(join(dir, "..", "..", ".."), { output: capture() })).rejects.toThrow(
      /c\.json: not under <account>\/<region>\/<instance>\/<campaign id>\.json/,
    );
  });
});
