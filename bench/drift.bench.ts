/**
 * Benchmark of `drift` against the emulator: a fleet seeded straight into it (no Terraform)
 * against planning one target alone, in the same run.
 *
 *   node --import tsx bench/drift.bench.ts [--accounts 250] [--parallelism 16]
 *
 * The fleet: `--accounts` accounts × 2 Regions (us-east-1 creates the role, eu-west-2 observes
 * it), one instance each, onboarded; seeded with /_emulator/seed and the SDK (the role, the
 * onboarding). Measured: `drift --config fleet.json --json` (every target in sync, exit 0), the
 * connect-campaigns requests it made (the emulator's stats), and `plan-review --config one.json`
 * of a one-target config (synth, init, plan) in a fresh directory. Goal: drift of the fleet
 * ≤ 3x the one-target plan. Prints wall times, the ratio and the calls per target.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { CreateServiceLinkedRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { ConnectCampaignsClient, StartInstanceOnboardingJobCommand } from "@aws-sdk/client-connectcampaigns";
import { mapPool } from "../modules/hooks/runtime/pool";
import { QUOTA_MULTIPLIER_ENV } from "../modules/hooks/runtime";
import { assumeAccount } from "../test/emulator/aws-fixtures";
import { emulatorAvailability, startEmulator, type Emulator } from "../test/emulator/emulator";

const BIN = path.join(__dirname, "..", "bin", "connect-campaigns-iac.js");
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ACCOUNTS = arg("accounts", 250);
const PARALLELISM = arg("parallelism", 16);
const REGIONS = ["us-east-1", "eu-west-2"] as const;

const accountOf = (n: number) => `5${String(n).padStart(11, "0")}`;
/** A stable UUID per (account, Region). */
const instanceOf = (n: number, r: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-${String(r).padStart(12, "0")}`;

function target(n: number, r: number) {
  return { account: accountOf(n), region: REGIONS[r], role: r === 0 ? { mode: "create" } : { mode: "observe" }, instances: [{ id: instanceOf(n, r) }] };
}

function writeConfig(dir: string, name: string, targets: readonly object[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ defaults: { deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy" }, targets }));
  return file;
}

/** The fleet in the emulator: instances by id, each account's role, every instance onboarded. */
async function seed(emulator: Emulator): Promise<void> {
  const ns = Array.from({ length: ACCOUNTS }, (_, n) => n);
  await emulator.seed({ connectInstances: ns.flatMap((n) => REGIONS.map((region, r) => ({ account: accountOf(n), region, id: instanceOf(n, r) }))) });
  await mapPool(ns, 8, async (n) => {
    const credentials = await assumeAccount(emulator, accountOf(n));
    await new IAMClient({ endpoint: emulator.endpoint, region: "us-east-1", credentials }).send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "connect-campaigns.amazonaws.com" }));
    for (const [r, region] of REGIONS.entries()) {
      const campaigns = new ConnectCampaignsClient({ endpoint: emulator.endpoint, region, credentials });
      await campaigns.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: instanceOf(n, r), encryptionConfig: { enabled: false } }));
    }
  });
}

/** Wall seconds and stdout of the CLI in `dir`; fails the bench on another exit code than `expected`. */
function timed(dir: string, args: readonly string[], env: NodeJS.ProcessEnv, expected = 0): Promise<{ seconds: number; stdout: string }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      if (code !== expected) reject(new Error(`${args.join(" ")} exited ${code} in ${dir}: ${stderr.trim().split("\n").slice(-3).join(" ")}`));
      else resolve({ seconds: (performance.now() - start) / 1000, stdout });
    });
  });
}

async function main(): Promise<void> {
  const availability = emulatorAvailability();
  if (!availability.ok) throw new Error(`AWS emulator unavailable: ${availability.reason}`);
  const emulator = await startEmulator({ onboardingPolls: 0 });
  // The hooks' pacing at AWS's own quotas (multiplier 1): each target is its own account and Region.
  const env = { ...process.env, ...emulator.env, [QUOTA_MULTIPLIER_ENV]: "1" };
  try {
    const seedStart = performance.now();
    await seed(emulator);
    process.stderr.write(`seeded ${ACCOUNTS * 2} targets in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-drift-"));
    const fleet = writeConfig(dir, "fleet.json", Array.from({ length: ACCOUNTS }, (_, n) => REGIONS.map((_r, r) => target(n, r))).flat());
    await emulator.resetStats();
    const drift = await timed(dir, ["drift", "--config", fleet, "--json", "--parallelism", String(PARALLELISM)], env);
    const stats = await emulator.stats();
    const report = JSON.parse(drift.stdout) as { targets: number; inSync: number };
    if (report.inSync !== ACCOUNTS * 2) throw new Error(`expected every target in sync, got ${drift.stdout.slice(0, 500)}`);

    const planDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-drift-plan-"));
    writeConfig(planDir, "one.json", [target(0, 0)]);
    const plan = await timed(planDir, ["plan-review", "--config", "one.json"], env);

    const targets = ACCOUNTS * 2;
    const campaignsCalls = Object.values(stats.requests).reduce((a, b) => a + b, 0);
    // Not counted by the emulator (it counts connect-campaigns only), made by construction: per
    // account STS AssumeRole, GetCallerIdentity, IAM ListRoles; per target connect ListInstances.
    const otherCalls = ACCOUNTS * 3 + targets;
    console.log(`| measure | value |`);
    console.log(`| --- | ---: |`);
    console.log(`| drift of ${targets} targets (${ACCOUNTS} accounts × 2 Regions), --parallelism ${PARALLELISM} | ${drift.seconds.toFixed(1)} s (${((drift.seconds / targets) * 1000).toFixed(0)} ms per target) |`);
    console.log(`| plan-review of one target alone (synth, init, plan) | ${plan.seconds.toFixed(1)} s |`);
    console.log(`| ratio drift(${targets}) / plan(1) | **${(drift.seconds / plan.seconds).toFixed(2)}x** (goal ≤ 3x) |`);
    console.log(`| per target vs a plan per target | ${((plan.seconds * targets) / drift.seconds).toFixed(0)}x faster |`);
    console.log(`| connect-campaigns calls (emulator stats) | ${campaignsCalls} (${(campaignsCalls / targets).toFixed(2)} per target: ${JSON.stringify(stats.requests)}), ${stats.throttled} throttled |`);
    console.log(`| all AWS calls per target | ${((campaignsCalls + otherCalls) / targets).toFixed(2)} (+ per account: AssumeRole, GetCallerIdentity, ListRoles; per target: connect ListInstances) |`);
  } finally {
    await emulator.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
