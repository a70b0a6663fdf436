import { loadRolloutConfig, stepPlan, waveMatrix } from "../../rollout";
import type { RolloutDirection } from "../../rollout";
import { listPreview, printJson, textTable } from "../output";

const direction = (options: { destroy?: boolean }): RolloutDirection => (options.destroy ? "destroy" : "deploy");

/** `waves --config <file> [--destroy] [--json]`: the wave plan, in deployment (or destroy) order. */
export function wavesCommand(options: { config: string; destroy?: boolean; json?: boolean }): void {
  const rollout = loadRolloutConfig(options.config);
  const waves = stepPlan(rollout, direction(options));
  if (options.json) {
    printJson({ config: rollout.file, waves });
    return;
  }
  const rows = waves.map((w) => [String(w.order), w.wave, String(w.targets), String(w.maxConcurrency), String(w.failureTolerance), listPreview(w.stacks)]);
  const split = waves.length > rollout.waves.length ? ` split into ${waves.length} steps (a role owner ${options.destroy ? "after" : "before"} its account's other targets)` : "";
  const header =
    `${rollout.file}: ${rollout.targets.length} target(s) in ${rollout.waves.length} wave(s)${split}, ${options.destroy ? "destroyed" : "deployed"} in this order; ` +
    `a ${split ? "step" : "wave"} starts when the one before failed no more than its tolerance`;
  process.stdout.write(`${header}\n\n${textTable(["#", "wave", "targets", "concurrency", "tolerance", "stacks"], rows)}\n`);
}

/** `matrix --config <file> --wave <name> [--destroy]`: the step's CI matrix (always JSON: machines read it). */
export function matrixCommand(options: { config: string; wave: string; destroy?: boolean }): void {
  printJson(waveMatrix(loadRolloutConfig(options.config), options.wave, direction(options)));
}
