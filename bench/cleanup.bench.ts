/**
 * Benchmark of the cleanup hook, bundled and run as Terraform runs it, against the emulator.
 *
 *   npx tsx bench/cleanup.bench.ts [--campaigns 500] [--rate-bound 30] [--rate-scale 10]
 *
 * 1. API calls for a cleanup of N campaigns, per operation, against the minimum, once with v1
 *    campaigns and once with v2 campaigns (`connectcampaignsv2`; the emulator names those calls
 *    `v2:<Operation>`): ceil(N/50) list pages + N describes + N deletes + 1 final list through
 *    the campaigns' API, and one list before and after through the other API (the hook cannot
 *    know that an instance has no campaigns of an API without asking). The hook also makes
 *    ceil(N/25) GetCampaignStateBatch calls: DescribeCampaign (v1 and v2) has no state, and a
 *    Running or Paused campaign must be stopped before it is deleted.
 * 2. Wall time with the emulator enforcing AWS's quotas, against the quota-bound minimum
 *    ((M − burst) / rate for M deletes at 1/s, burst 2). The emulator has no time scale, so this
 *    part runs on a smaller M (default 30) to finish in about half a minute.
 * 3. Cold start: process start → first HTTP request of the hook, against `node -e 0`.
 * Prints ratios; absolute times are shown for context but vary by machine.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { emulatorAvailability, startEmulator } from "../test/emulator/emulator";
import { campaignsV2Client, createV2Campaigns } from "../test/hooks/runtime/v2-fixtures";
import {
  buildBundle,
  campaignsClient,
  createCampaigns,
  createInstance,
  hookInput,
  runBundle,
  summaryOf,
} from "../test/hooks/runtime/fixtures";

// The SDK clients of this process (creating campaigns) would print the Node 22 notice; the hook
// bundle silences it the same way.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CAMPAIGNS = arg("campaigns", 500);
const RATE_BOUND = arg("rate-bound", 30);
const SCALE = arg("rate-scale", 10);
const RUNNING = 10;
const COLD_STARTS = 7;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows: [string, string, string, string][] = [];
const row = (metric: string, measured: string, baseline: string, ratio: number | string) =>
  rows.push([metric, measured, baseline, typeof ratio === "number" ? ratio.toFixed(2) : ratio]);

async function main(): Promise<void> {
  const availability = emulatorAvailability();
  if (!availability.ok) throw new Error(`AWS emulator unavailable: ${availability.reason}`);
  const bundle = buildBundle();
  const emulator = await startEmulator();
  try {
    const client = campaignsClient(emulator);

    // 1. Calls per operation (quotas ×50: the count does not depend on pacing), v1 then v2.
    const v2Client = campaignsV2Client(emulator);
    for (const api of ["v1", "v2"] as const) {
      const instanceId = await createInstance(emulator);
      if (api === "v1") await createCampaigns(client, instanceId, CAMPAIGNS, { running: RUNNING });
      else await createV2Campaigns(v2Client, instanceId, CAMPAIGNS, { running: RUNNING });
      await emulator.resetStats();
      const run = await runBundle(bundle, emulator, "cleanup", hookInput(instanceId), {
        env: { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "50" },
      });
      if (run.code !== 0) throw new Error(`${api} cleanup failed: ${run.stderr}`);
      const { requests } = await emulator.stats();
      const op = (name: string) => (api === "v2" ? `v2:${name}` : name);
      const minimum: Record<string, number> = {
        [op("ListCampaigns")]: Math.ceil(CAMPAIGNS / 50) + 1,
        [api === "v2" ? "ListCampaigns" : "v2:ListCampaigns"]: 2, // the other API, before and after
        [op("DescribeCampaign")]: CAMPAIGNS,
        [op("DeleteCampaign")]: CAMPAIGNS,
        [op("StopCampaign")]: RUNNING, // the running campaigns must be stopped: no way around these
      };
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      for (const operation of new Set([...Object.keys(minimum), ...Object.keys(requests)])) {
        const made = requests[operation] ?? 0;
        const least = minimum[operation] ?? 0;
        row(`calls ${operation}`, String(made), String(least), least ? made / least : `+${made}`);
      }
      row(`calls total (${CAMPAIGNS} ${api} campaigns)`, String(total(requests)), String(total(minimum)), total(requests) / total(minimum));
      const summary = summaryOf(run);
      if (summary.deleted !== CAMPAIGNS) throw new Error(`${api}: deleted ${String(summary.deleted)} of ${CAMPAIGNS}`);
    }

    // 2. Wall time at AWS's quotas (enforced by the emulator), hook at its real pacing.
    const rateInstance = await createInstance(emulator);
    await createCampaigns(client, rateInstance, RATE_BOUND);
    await emulator.configure({ rates: true });
    await emulator.resetStats();
    const started = performance.now();
    const paced = await runBundle(bundle, emulator, "cleanup", hookInput(rateInstance), {
      env: { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "1" },
    });
    const wall = (performance.now() - started) / 1000;
    const rateStats = await emulator.stats();
    await emulator.configure({ rates: false });
    if (paced.code !== 0) throw new Error(`rate-bound cleanup failed: ${paced.stderr}`);
    const bound = RATE_BOUND - 2; // M deletes at 1/s after a burst of 2
    row(`wall s, ${RATE_BOUND} campaigns at AWS rates`, wall.toFixed(1), `${bound.toFixed(1)} (quota-bound)`, wall / bound);
    row("  requests throttled by the emulator", String(rateStats.throttled), "0", "-");

    // 2b. All the campaigns at quota-bound speed: AWS's quotas raised x10 on both sides (the
    // emulator's buckets and the hook's pacing), so 500 deletes take ~50 s instead of ~8 min.
    await createCampaigns(client, rateInstance, CAMPAIGNS);
    await emulator.configure({ rates: true, rateScale: SCALE });
    await emulator.resetStats();
    const scaledStart = performance.now();
    const scaled = await runBundle(bundle, emulator, "cleanup", hookInput(rateInstance), {
      env: { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: String(SCALE) },
    });
    const scaledWall = (performance.now() - scaledStart) / 1000;
    const scaledStats = await emulator.stats();
    await emulator.configure({ rates: false, rateScale: 1 });
    if (scaled.code !== 0) throw new Error(`scaled rate-bound cleanup failed: ${scaled.stderr}`);
    const scaledBound = (CAMPAIGNS - 2 * SCALE) / SCALE; // deletes at SCALE/s after a burst of 2*SCALE
    row(`wall s, ${CAMPAIGNS} campaigns at AWS rates x${SCALE}`, scaledWall.toFixed(1), `${scaledBound.toFixed(1)} (quota-bound)`, scaledWall / scaledBound);
    row("  requests throttled by the emulator", String(scaledStats.throttled), "0", "-");

    // 3. Cold start: spawn → first request (now STS GetCallerIdentity, the account guard), against
    // a stub endpoint that answers an empty list to everything.
    const hookStarts: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) hookStarts.push(await firstRequestAfterSpawn(bundle));
    const nodeStarts: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) nodeStarts.push(await spawnToExit(["-e", "0"]));
    const hook = median(hookStarts);
    const bare = median(nodeStarts);
    row("cold start ms (spawn → first HTTP request)", hook.toFixed(0), `${bare.toFixed(0)} (node -e 0)`, hook / bare);
  } finally {
    await emulator.stop();
  }
  printTable();
}

function printTable(): void {
  const header: [string, string, string, string] = ["metric", "measured", "minimum / baseline", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function spawnToExit(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve(performance.now() - started));
  });
}

async function firstRequestAfterSpawn(bundle: string): Promise<number> {
  let firstRequest: number | undefined;
  const server = createServer((request, response) => {
    firstRequest ??= performance.now();
    request.resume();
    response.writeHead(200, { "content-type": "application/json" }).end('{"campaignSummaryList":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const input = hookInput("00000000-0000-0000-0000-000000000000");
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, "cleanup"], {
      stdio: "ignore",
      env: {
        PATH: process.env.PATH,
        AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
        AWS_ACCESS_KEY_ID: "testing",
        AWS_SECRET_ACCESS_KEY: "testing",
        AWS_EC2_METADATA_DISABLED: "true",
        CAMPAIGNS_HOOK_INPUT: JSON.stringify(input),
      },
    });
    child.once("error", reject);
    child.once("exit", () => resolve());
  });
  server.close();
  if (firstRequest === undefined) throw new Error("the hook made no request");
  return firstRequest - started;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
