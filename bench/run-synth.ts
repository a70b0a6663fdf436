import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";

export const REPO = path.resolve(__dirname, "..");
const PROBE = path.join(__dirname, "usage-probe.cjs");

/** One synth in a child process: wall and CPU time, peak memory, stacks written. */
export interface SynthRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly stacks: number;
}

/**
 * Runs `node <nodeArgs>` from the repository root, as `npm run synth` does (npm's own start-up
 * left out), writing into a fresh `outdir`. Throws with the child's stderr when it fails.
 */
export function runSynth(nodeArgs: readonly string[], outdir: string): SynthRun {
  fs.rmSync(outdir, { recursive: true, force: true });
  const usageFile = path.join(os.tmpdir(), `bench-usage-${process.pid}.json`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--require", PROBE, ...nodeArgs], {
    cwd: REPO,
    env: { ...process.env, CDKTF_OUTDIR: outdir, BENCH_USAGE_FILE: usageFile, ROLLOUT_CONFIG: "", CAMPAIGNS_STACKS: "", CAMPAIGNS_WAVE: "" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${nodeArgs.join(" ")} failed (${child.status}):\n${child.stderr}`);
  const usage = JSON.parse(fs.readFileSync(usageFile, "utf8")) as { cpuMs: number; maxRssKb: number };
  const stacksDir = path.join(outdir, "stacks");
  const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).length : 0;
  return { wallMs, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssKb / 1024, stacks };
}

/** The median run by wall time (the runs are noisy: the machine is shared). */
export function medianRun(runs: readonly SynthRun[]): SynthRun {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
}
