/**
 * Benchmark of `plan-review` against the emulator, with real synths and real `terraform plan`.
 *
 *   node --import tsx bench/plan-review.bench.ts [--targets 100] [--stacks 8] [--repeat 1]
 *
 * 1. Changed-only review: a `--targets`-target rollout whose PR changes one target's tags,
 *    `plan-review --config pr.json --base-config base.json` (two synths, one plan) against
 *    planning that one target alone, `plan-review --config pr.json --stack <id>` (one synth of
 *    one stack, one plan). Goal: ≤ 2x.
 * 2. Parallel planning: `--stacks` changed stacks, `--parallelism 2` against `--parallelism 1`.
 *    Goal: ≤ 0.65x on 2 cores.
 * Each run starts in a fresh directory (no .terraform yet), the two sides of a ratio interleaved,
 * medians of `--repeat` runs. Prints wall times and ratios; the ratios are what to compare.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { emulatorAvailability, startEmulator } from "../test/emulator/emulator";
import { scaleRollout, scaleStackId, withRetaggedTarget, writeConfig, type ScaleConfig } from "../test/review/support/scale-rollout";

const BIN = path.join(__dirname, "..", "bin", "connect-campaigns-iac.js");
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const TARGETS = arg("targets", 100);
const STACKS = arg("stacks", 8);
const REPEAT = arg("repeat", 1);
const CHANGED = Math.floor(TARGETS / 2);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A fresh directory with the base and PR configs; resolves to it. */
function workspace(name: string, base: (dir: string) => ScaleConfig, pr: (config: ScaleConfig) => ScaleConfig): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-plan-review-${name}-`));
  const config = base(dir);
  writeConfig(path.join(dir, "base.json"), config);
  writeConfig(path.join(dir, "pr.json"), pr(config));
  return dir;
}

/** Wall seconds of `plan-review <args>` in `dir`; fails the bench when it does not exit 0. */
function timed(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, "plan-review", ...args], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`plan-review ${args.join(" ")} failed in ${dir}: ${stderr.trim().split("\n").slice(-3).join(" ")}`));
      else resolve((performance.now() - start) / 1000);
    });
  });
}

async function main(): Promise<void> {
  const availability = emulatorAvailability();
  if (!availability.ok) throw new Error(`AWS emulator unavailable: ${availability.reason}`);
  const emulator = await startEmulator();
  const env = { ...process.env, ...emulator.env };
  const runs = { changedOnly: [] as number[], alone: [] as number[], p1: [] as number[], p2: [] as number[] };
  try {
    for (let r = 0; r < REPEAT; r++) {
      const retagged = (c: ScaleConfig) => withRetaggedTarget(c, CHANGED);
      runs.changedOnly.push(await timed(workspace("changed", (d) => scaleRollout(TARGETS, d), retagged), ["--config", "pr.json", "--base-config", "base.json"], env));
      runs.alone.push(await timed(workspace("alone", (d) => scaleRollout(TARGETS, d), retagged), ["--config", "pr.json", "--stack", scaleStackId(CHANGED)], env));
      const allRetagged = (c: ScaleConfig) => ({ ...c, targets: c.targets.map((t) => ({ ...t, tags: { "cost-center": "cc-8" } })) });
      const eight = ["--config", "pr.json", "--base-config", "base.json"];
      runs.p1.push(await timed(workspace("p1", (d) => scaleRollout(STACKS, d), allRetagged), [...eight, "--parallelism", "1"], env));
      runs.p2.push(await timed(workspace("p2", (d) => scaleRollout(STACKS, d), allRetagged), [...eight, "--parallelism", "2"], env));
      process.stderr.write(`run ${r + 1}/${REPEAT}: ${JSON.stringify(runs)}\n`);
    }
  } finally {
    await emulator.stop();
  }
  const [changedOnly, alone, p1, p2] = [runs.changedOnly, runs.alone, runs.p1, runs.p2].map(median);
  const fmt = (n: number) => n.toFixed(1);
  console.log(`| measure | measured s | baseline s | ratio | goal |`);
  console.log(`| --- | ---: | ---: | ---: | --- |`);
  console.log(`| 1 changed of ${TARGETS}: changed-only review vs that target alone | ${fmt(changedOnly)} | ${fmt(alone)} | ${(changedOnly / alone).toFixed(2)}x | ≤ 2x |`);
  console.log(`| ${STACKS} changed stacks: --parallelism 2 vs 1 | ${fmt(p2)} | ${fmt(p1)} | ${(p2 / p1).toFixed(2)}x | ≤ 0.65x |`);
  console.log(`(median of ${REPEAT}; ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at the end)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
