/**
 * How synth scales with the number of targets, against a floor measured in the same run.
 *
 *   npm run bench:synth [-- --sizes 10,100,500,1000,2000 --repeat 1 --plain]
 *
 * ours:   `node --import tsx main.ts --config <file>` (what `npm run synth` runs): config
 *         validation, one CampaignsTargetStack per target, the hook file in every stack.
 * floor:  `node --import tsx bench/floor-synth.ts <file>`: the same resources with stock cdktf
 *         constructs under App({ skipValidation: true }), no validation, no hook file (FloorStack).
 * plain:  (--plain) the floor's stacks with cdktf's validation on: a plain cdktf app of the same
 *         stacks, as one would write it without this project's work (slow: one `terraform
 *         version` child process per terraform_data; use sizes of a few hundred).
 * subset: ours with `--stack <one id>` on the largest config.
 * start:  `node --import tsx -e 0`, the runtime's own start-up, for scale.
 *
 * Each synth runs in a child process (peak RSS and CPU time are its own); floor and ours
 * alternate so that load from other users of the machine hits both. Prints a markdown table.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { stackIdFor } from "../modules/rollout/resolved";
import { benchConfig } from "./scale-config";
import { medianRun, REPO, runSynth, SynthRun } from "./run-synth";

const RUNTIME = ["--import", "tsx"];

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10,100,500,1000,2000" },
    repeat: { type: "string", default: "1" },
    plain: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);
const repeat = Math.max(1, Number(values.repeat));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-synth-"));

function checked(label: string, run: SynthRun, expectedStacks: number): SynthRun {
  if (run.stacks !== expectedStacks) throw new Error(`${label}: expected ${expectedStacks} stacks, got ${run.stacks}`);
  process.stderr.write(`  ${label}: ${(run.wallMs / 1000).toFixed(2)} s, ${run.maxRssMb.toFixed(0)} MB\n`);
  return run;
}

/** Runs each command `repeat` times, interleaved (a, b, a, b, …), and keeps each one's median run. */
function measure(commands: readonly { label: string; nodeArgs: readonly string[]; stacks: number }[]): SynthRun[] {
  const runs = commands.map((): SynthRun[] => []);
  for (let r = 0; r < repeat; r++) {
    commands.forEach((c, i) => runs[i].push(checked(c.label, runSynth([...RUNTIME, ...c.nodeArgs], path.join(scratch, "out")), c.stacks)));
  }
  return runs.map(medianRun);
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (ours: number, floor: number) => `${(ours / floor).toFixed(2)}x`;

const rows: string[] = [];
const plainRows: string[] = [];
let largest: { file: string; stack: string } | undefined;
for (const size of sizes) {
  const config = benchConfig(size);
  const file = path.join(scratch, `rollout-${size}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  process.stderr.write(`${size} targets\n`);
  const floorArgs = [path.join(REPO, "bench", "floor-synth.ts"), file, path.join(scratch, "out")];
  const [floor, ours, plain] = measure([
    { label: "floor", nodeArgs: floorArgs, stacks: size },
    { label: "ours", nodeArgs: [path.join(REPO, "main.ts"), "--config", file], stacks: size },
    ...(values.plain ? [{ label: "plain", nodeArgs: [...floorArgs, "--validate"], stacks: size }] : []),
  ]);
  if (plain) {
    plainRows.push(`| ${size} | ${seconds(plain.wallMs)} | ${seconds(ours.wallMs)} | ${ratio(ours.wallMs, plain.wallMs)} | ${seconds(plain.cpuMs)} | ${seconds(ours.cpuMs)} | ${ratio(ours.cpuMs, plain.cpuMs)} |`);
  }
  rows.push(
    `| ${size} | ${seconds(floor.wallMs)} | ${seconds(ours.wallMs)} | ${ratio(ours.wallMs, floor.wallMs)} | ` +
      `${seconds(floor.cpuMs)} | ${seconds(ours.cpuMs)} | ${ratio(ours.cpuMs, floor.cpuMs)} | ` +
      `${floor.maxRssMb.toFixed(0)} | ${ours.maxRssMb.toFixed(0)} | ${(ours.wallMs / size).toFixed(1)} |`,
  );
  largest = { file, stack: stackIdFor(config.targets[0].account, config.targets[0].region) };
}

const [start] = measure([{ label: "start", nodeArgs: ["-e", "0"], stacks: 0 }]);
const [subset] = largest ? measure([{ label: "subset", nodeArgs: [path.join(REPO, "main.ts"), "--config", largest.file, "--stack", largest.stack], stacks: 1 }]) : [];

const lines = [
  `Node ${process.version}, ${os.cpus().length} CPUs, median of ${repeat} run(s) each; floor and ours alternate.`,
  "",
  "| targets | floor wall s | ours wall s | wall ratio | floor CPU s | ours CPU s | CPU ratio | floor peak MB | ours peak MB | ours ms/target |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows,
  ...(plainRows.length > 0
    ? ["", "Against a plain cdktf app of the same stacks, validation on:", "", "| targets | plain wall s | ours wall s | ours/plain wall | plain CPU s | ours CPU s | ours/plain CPU |", "|---:|---:|---:|---:|---:|---:|---:|", ...plainRows]
    : []),
  "",
  `Runtime start-up alone (node --import tsx -e 0): ${seconds(start.wallMs)} s, ${start.maxRssMb.toFixed(0)} MB.`,
];
if (subset && largest) {
  lines.push(`One-stack subset of the ${sizes[sizes.length - 1]}-target config (--stack ${largest.stack}): ${seconds(subset.wallMs)} s wall, ${seconds(subset.cpuMs)} s CPU, ${subset.maxRssMb.toFixed(0)} MB.`);
}
process.stdout.write(`${lines.join("\n")}\n`);
fs.rmSync(scratch, { recursive: true, force: true });
