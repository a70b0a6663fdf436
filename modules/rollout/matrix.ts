import { SelectionError } from "./problems";
import type { ResolvedRollout, ResolvedWave } from "./resolved";
import { findStep, type RolloutDirection } from "./steps";

/** One job of a CI matrix: the shape GitHub Actions' `strategy.matrix.include` takes. */
export interface MatrixEntry {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  /** The step's name (the wave's, or `<wave>#owners` / `<wave>#observers`). */
  readonly wave: string;
}

/** A step (a wave, or a part of one) as a CI matrix, with the wave's concurrency and failure tolerance. */
export interface WaveMatrix {
  /** The step's name. */
  readonly wave: string;
  readonly matrix: { readonly include: readonly MatrixEntry[] };
  /** GitHub Actions' `strategy.max-parallel`. */
  readonly "max-parallel": number;
  /** Failed jobs the wave tolerates before the rollout stops (StackSets' FailureToleranceCount). */
  readonly "failure-tolerance": number;
}

/**
 * The wave named `name` (a whole wave, even one split into steps: what `synth --wave` selects);
 * throws naming the config and the waves there are when it has none.
 */
export function findWave(rollout: ResolvedRollout, name: string): ResolvedWave {
  const wave = rollout.waves.find((w) => w.name === name);
  if (!wave) throw new SelectionError(`${rollout.file}: no wave "${name}"; expected one of ${rollout.waves.map((w) => `"${w.name}"`).join(", ")}`);
  return wave;
}

/**
 * The matrix of the step `name` (see {@link findStep}). A step names the same stacks whichever way
 * the rollout runs: `direction` only orders the steps an error lists.
 */
export function waveMatrix(rollout: ResolvedRollout, name: string, direction: RolloutDirection = "deploy"): WaveMatrix {
  const step = findStep(rollout, name, direction);
  const byStack = new Map(rollout.targets.map((t) => [t.stackId, t]));
  const include = step.stackIds.map((id) => byStack.get(id)!).map((t) => ({ stack: t.stackId, account: t.account, region: t.region, wave: step.name }));
  return { wave: step.name, matrix: { include }, "max-parallel": step.maxConcurrency, "failure-tolerance": step.failureTolerance };
}
