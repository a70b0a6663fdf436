/**
 * Benchmark of the account guard (modules/hooks/runtime/account-role-guard.ts, account-usage.ts)
 * against the emulator.
 *
 *   npx tsx bench/account-guard.bench.ts [--regions 10] [--latency-ms 40] [--repeat 3]
 *
 * 1. API calls of a scan of N empty Regions, per operation, against the minimum: one
 *    ListCampaigns page per API and one ListInstances page per Region (counted by SDK
 *    middleware on the scan's own clients, Connect included, which the emulator's stats omit).
 *    Then with one onboarded instance per Region: one GetConnectInstanceConfig per instance more.
 * 2. Wall time of the scan of N Regions against two baselines measured in the same run: the scan
 *    of one Region (what parallel Regions should cost: ≈1×), and the same minimal requests sent
 *    one after the other with bare SDK clients (what a sequential scan would cost). The emulator
 *    adds `--latency-ms` to every connect-campaigns request, standing in for the network.
 * 3. The bundled hook, as Terraform runs it: `account-guard` over N Regions against `cleanup` of
 *    an empty instance (the cheapest hook run there is), median of `--repeat`.
 * Prints ratios; absolute times are for context only.
 */
import { performance } from "node:perf_hooks";
import { ConnectClient, ListInstancesCommand } from "@aws-sdk/client-connect";
import { ConnectCampaignsClient, GetConnectInstanceConfigCommand, ListCampaignsCommand, StartInstanceOnboardingJobCommand } from "@aws-sdk/client-connectcampaigns";
import { ConnectCampaignsV2Client, ListCampaignsCommand as ListV2CampaignsCommand } from "@aws-sdk/client-connectcampaignsv2";
import type { AccountGuardHookInput } from "../modules/hooks/contract";
import { createClients, scanAccountUsage, type HookClients } from "../modules/hooks/runtime";
import { CAMPAIGNS_REGIONS } from "../modules/rollout";
import { createConnectInstance } from "../test/emulator/aws-fixtures";
import { emulatorAvailability, startEmulator, type Emulator } from "../test/emulator/emulator";
import { ACCOUNT, buildBundle, createInstance, hookInput, runBundle } from "../test/hooks/runtime/fixtures";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const REGIONS = Object.keys(CAMPAIGNS_REGIONS).slice(0, arg("regions", 10));
const LATENCY_MS = arg("latency-ms", 40);
const REPEAT = arg("repeat", 3);
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows: [string, string, string, string][] = [];
const row = (metric: string, measured: string, baseline: string, ratio: number) => rows.push([metric, measured, baseline, ratio.toFixed(2)]);

/** Counts every command the clients send, by "<client> <operation>". */
function countingClients(emulator: Emulator, counts: Map<string, number>) {
  const count = (label: string) => (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
    const key = `${label}:${(context.commandName ?? "?").replace(/Command$/, "")}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return next(args);
  };
  return (region: string): HookClients => {
    const clients = createClients({ region, roleArn: null, sessionLabel: "bench", quotaMultiplier: 1 }, { endpoint: emulator.endpoint, credentials });
    clients.campaigns.middlewareStack.add(count("v1") as never, { step: "initialize" });
    clients.campaignsV2.middlewareStack.add(count("v2") as never, { step: "initialize" });
    clients.connect().middlewareStack.add(count("connect") as never, { step: "initialize" });
    return clients;
  };
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const availability = emulatorAvailability();
  if (!availability.ok) throw new Error(`AWS emulator unavailable: ${availability.reason}`);
  const emulator = await startEmulator({ onboardingPolls: 0 });
  try {
    // 1. Calls, empty account.
    const counts = new Map<string, number>();
    await scanAccountUsage(countingClients(emulator, counts), REGIONS);
    const empty = [...counts.values()].reduce((a, b) => a + b, 0);
    const minimum = 3 * REGIONS.length;
    row(`scan of ${REGIONS.length} empty Regions: API calls`, `${empty} (${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")})`, `${minimum} (per Region: 1 ListCampaigns per API, 1 ListInstances)`, empty / minimum);

    // 1b. One onboarded instance per Region: + one GetConnectInstanceConfig each.
    const instanceOf = new Map<string, string>();
    for (const region of REGIONS) {
      const { Id } = await createConnectInstance(emulator, { region });
      instanceOf.set(region, Id);
      await new ConnectCampaignsClient({ endpoint: emulator.endpoint, region, credentials }).send(
        new StartInstanceOnboardingJobCommand({ connectInstanceId: Id, encryptionConfig: { enabled: false } }),
      );
    }
    counts.clear();
    await scanAccountUsage(countingClients(emulator, counts), REGIONS);
    const withInstances = [...counts.values()].reduce((a, b) => a + b, 0);
    row(`scan of ${REGIONS.length} Regions, 1 onboarded instance each: API calls`, String(withInstances), `${4 * REGIONS.length} (+1 GetConnectInstanceConfig per instance)`, withInstances / (4 * REGIONS.length));

    // 2. Wall time, with latency on every campaigns request (the instances of 1b stay).
    await emulator.configure({ latencyMs: LATENCY_MS });
    const all: number[] = [];
    const one: number[] = [];
    const sequential: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      all.push(await timed(() => scanAccountUsage(countingClients(emulator, new Map()), REGIONS)));
      one.push(await timed(() => scanAccountUsage(countingClients(emulator, new Map()), REGIONS.slice(0, 1))));
      sequential.push(
        await timed(async () => {
          for (const region of REGIONS) {
            const config = { endpoint: emulator.endpoint, region, credentials };
            await new ConnectCampaignsClient(config).send(new ListCampaignsCommand({ maxResults: 50 }));
            await new ConnectCampaignsV2Client(config).send(new ListV2CampaignsCommand({ maxResults: 50 }));
            await new ConnectClient(config).send(new ListInstancesCommand({ MaxResults: 10 }));
            // The config read of the Region's one instance (1b): what the scan makes too.
            await new ConnectCampaignsClient(config).send(new GetConnectInstanceConfigCommand({ connectInstanceId: instanceOf.get(region)! }));
          }
        }),
      );
    }
    row(`scan wall time, ${REGIONS.length} Regions vs 1 Region (latency ${LATENCY_MS} ms)`, `${median(all).toFixed(0)} ms`, `${median(one).toFixed(0)} ms`, median(all) / median(one));
    row(`scan wall time, ${REGIONS.length} Regions vs the same ${4 * REGIONS.length} requests one after the other`, `${median(all).toFixed(0)} ms`, `${median(sequential).toFixed(0)} ms`, median(all) / median(sequential));

    // 3. The bundled hook, as Terraform runs it.
    const bundle = buildBundle();
    const instanceId = await createInstance(emulator);
    const guardInput: AccountGuardHookInput = {
      kind: "campaigns-account-guard",
      stack: `campaigns-${ACCOUNT}-${REGIONS[0]}`,
      account: ACCOUNT,
      region: REGIONS[0],
      deploy_role_arn: null,
      role_arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns`,
      regions: REGIONS,
      instance_ids: [],
      allow_campaign_deletion: true,
      account_targets: [],
    };
    const guardRuns: number[] = [];
    const cleanupRuns: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      guardRuns.push(await timed(async () => {
        const run = await runBundle(bundle, emulator, "account-guard", guardInput, { env: { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "1" } });
        // The instances of 1b are onboarded, linked to the account's role: the guard refuses (exit 3), having scanned everything.
        if (run.code !== 3) throw new Error(`account-guard exited ${run.code}: ${run.stderr}`);
      }));
      cleanupRuns.push(await timed(async () => {
        const run = await runBundle(bundle, emulator, "cleanup", hookInput(instanceId), { env: { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "1" } });
        if (run.code !== 0) throw new Error(`cleanup exited ${run.code}: ${run.stderr}`);
      }));
    }
    row(`bundled account-guard, ${REGIONS.length} Regions, vs bundled cleanup of an empty instance`, `${median(guardRuns).toFixed(0)} ms`, `${median(cleanupRuns).toFixed(0)} ms`, median(guardRuns) / median(cleanupRuns));
  } finally {
    await emulator.stop();
  }
  console.log("| metric | measured | baseline | ratio |\n| --- | --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
