import { SelectionError } from "./problems";
import type { ResolvedRollout, ResolvedWave } from "./resolved";

/** One job of a CI matrix: the shape GitHub Actions' `strategy.matrix.include` takes. */
export interface MatrixEntry {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  readonly wave: string;
}

/** A wave as a CI matrix, with the wave's concurrency and failure tolerance. */
export interface WaveMatrix {
  readonly wave: string;
  readonly matrix: { readonly include: readonly MatrixEntry[] };
  /** GitHub Actions' `strategy.max-parallel`. */
  readonly "max-parallel": number;
  /** Failed jobs the wave tolerates before the rollout stops (StackSets' FailureToleranceCount). */
  readonly "failure-tolerance": number;
}

/** The wave named `name`; throws naming the config and the waves there are when it has none. */
export function findWave(rollout: ResolvedRollout, name: string): ResolvedWave {
  const wave = rollout.waves.find((w) => w.name === name);
  if (!wave) throw new SelectionError(`${rollout.file}: no wave "${name}"; expected one of ${rollout.waves.map((w) => `"${w.name}"`).join(", ")}`);
  return wave;
}

export function waveMatrix(rollout: ResolvedRollout, name: string): WaveMatrix {
  const wave = findWave(rollout, name);
  const include = rollout.targets
    .filter((t) => t.wave === wave.name)
    .map((t) => ({ stack: t.stackId, account: t.account, region: t.region, wave: wave.name }));
  return { wave: wave.name, matrix: { include }, "max-parallel": wave.maxConcurrency, "failure-tolerance": wave.failureTolerance };
}
