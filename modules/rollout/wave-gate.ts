import type { ResolvedRollout } from "./resolved";
import { findStep } from "./steps";

/** What a rollout job reports for its stack (the workflow uploads one per job). */
export interface StackResult {
  readonly stack: string;
  /** The job's outcome, as GitHub Actions names step outcomes. */
  readonly outcome: "success" | "failure" | "cancelled" | "skipped";
}

/** A step's verdict: whether the rollout may go on to the next step (or wave). */
export interface WaveGateVerdict {
  /** The step's name (a wave's, or `<wave>#owners` / `<wave>#observers`). */
  readonly wave: string;
  readonly failureTolerance: number;
  readonly succeeded: readonly string[];
  /** Stacks whose job reported anything but success. */
  readonly failed: readonly string[];
  /** Stacks of the wave with no result: the job died before reporting, so they count as failed. */
  readonly missing: readonly string[];
  /** Results for stacks outside the wave: ignored, listed so that a mix-up is visible. */
  readonly foreign: readonly string[];
  /**
   * Stacks of the wave with more than one result (a re-run job, a copied artifact), with every
   * outcome read: the stack succeeded only if every one of them is a success. A later success
   * never hides a failure.
   */
  readonly repeated: readonly { readonly stack: string; readonly outcomes: readonly StackResult["outcome"][] }[];
  readonly pass: boolean;
}

/**
 * Counts a wave's failures against its tolerance (like CloudFormation StackSets'
 * FailureToleranceCount): the wave passes when failed + missing <= failureTolerance. A stack with
 * several results failed if any of them is not a success (listed in `repeated`): which one came
 * last is not known from the files, and a gate must not pass on a failure it has read.
 */
export function gateWave(rollout: ResolvedRollout, stepName: string, results: readonly StackResult[]): WaveGateVerdict {
  // A step names the same stacks deploying or destroying: the gate needs no direction.
  const wave = findStep(rollout, stepName);
  const inWave = new Set(wave.stackIds);
  const outcomes = new Map<string, StackResult["outcome"][]>();
  for (const r of results) if (inWave.has(r.stack)) outcomes.set(r.stack, [...(outcomes.get(r.stack) ?? []), r.outcome]);
  const succeeded = wave.stackIds.filter((id) => outcomes.get(id)?.every((o) => o === "success"));
  const failed = wave.stackIds.filter((id) => outcomes.get(id)?.some((o) => o !== "success"));
  const missing = wave.stackIds.filter((id) => !outcomes.has(id));
  const foreign = results.filter((r) => !inWave.has(r.stack)).map((r) => r.stack);
  const repeated = wave.stackIds.flatMap((stack) => ((outcomes.get(stack)?.length ?? 0) > 1 ? [{ stack, outcomes: outcomes.get(stack)! }] : []));
  return { wave: wave.name, failureTolerance: wave.failureTolerance, succeeded, failed, missing, foreign, repeated, pass: failed.length + missing.length <= wave.failureTolerance };
}
