// `cleanup --json` over several instances, when an AWS error stops it on the second: the one JSON
// document says what was done on the first and how far the second got, and the exit code is 1.
import * as fs from "node:fs";
import * as path from "node:path";
import { HookExit } from "../../modules/hooks/contract";
import { describeWithEmulator, REGION, useEmulator } from "../emulator/emulator";
import { runBinWithEmulator } from "../support/bin";
import { ACCOUNT, campaignsClient, createCampaigns, createInstance, listNames, tempDir } from "../hooks/runtime/fixtures";

describeWithEmulator("cleanup --json: an AWS error on instance 2 keeps instance 1's results in the JSON (bin)", () => {
  const emulator = useEmulator();

  test("instance 1 cleaned up, instance 2 stopped at its first delete: both in the JSON, exit 1", async () => {
    const client = campaignsClient(emulator());
    const [first, second] = [await createInstance(emulator()), await createInstance(emulator())];
    await createCampaigns(client, first, 2);
    await createCampaigns(client, second, 3);
    const dir = tempDir("cleanup-json");
    const config = path.join(dir, "rollout.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        defaults: { allowCampaignDeletion: true, campaignBackup: { dir: path.join(dir, "backups") } },
        targets: [{ account: ACCOUNT, region: REGION, instances: [{ id: first }, { id: second }] }],
      }),
    );
    await emulator().failRequests({ operation: "connect-campaigns:DeleteCampaign", after: 2, status: 403, errorType: "AccessDeniedException" });

    const run = await runBinWithEmulator(emulator(), ["cleanup", "--config", config, "--stack", `campaigns-${ACCOUNT}-${REGION}`, "--json"]);

    expect(run.code).toBe(HookExit.failed);
    const report = JSON.parse(run.stdout) as { instances: Record<string, unknown>[] };
    expect(report.instances).toHaveLength(2);
    expect(report.instances[0]).toMatchObject({ summary: { instance: first, deleted: 2, backedUp: 2 } });
    expect(report.instances[1]).toMatchObject({
      instance: second,
      exitCode: HookExit.failed,
      error: expect.stringContaining("AccessDeniedException"),
      summary: { instance: second, deleted: 0, backedUp: 3 },
    });
    expect(run.stderr).toContain("AccessDeniedException");
    expect(await listNames(client, first)).toEqual([]);
    expect(await listNames(client, second)).toHaveLength(3);
  });
});
