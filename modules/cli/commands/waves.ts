import { loadRolloutConfig, waveMatrix } from "../../rollout";
import { listPreview, printJson, textTable } from "../output";

/** `waves --config <file> [--json]`: the wave plan, in deployment order. */
export function wavesCommand(options: { config: string; json?: boolean }): void {
  const rollout = loadRolloutConfig(options.config);
  const waves = rollout.waves.map((w, order) => ({
    order: order + 1,
    wave: w.name,
    targets: w.stackIds.length,
    maxConcurrency: w.maxConcurrency,
    failureTolerance: w.failureTolerance,
    stacks: w.stackIds,
  }));
  if (options.json) {
    printJson({ config: rollout.file, waves });
    return;
  }
  const rows = waves.map((w) => [String(w.order), w.wave, String(w.targets), String(w.maxConcurrency), String(w.failureTolerance), listPreview(w.stacks)]);
  const header = `${rollout.file}: ${rollout.targets.length} target(s) in ${waves.length} wave(s), deployed in this order; a wave starts when the one before failed no more than its tolerance`;
  process.stdout.write(`${header}\n\n${textTable(["#", "wave", "targets", "concurrency", "tolerance", "stacks"], rows)}\n`);
}

/** `matrix --config <file> --wave <name>`: the wave's CI matrix (always JSON: machines read it). */
export function matrixCommand(options: { config: string; wave: string }): void {
  printJson(waveMatrix(loadRolloutConfig(options.config), options.wave));
}
