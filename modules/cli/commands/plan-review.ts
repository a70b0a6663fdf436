import * as path from "node:path";
import { planReview, PlanReviewError } from "../../plan-review";
import { riskGateTripped, type RiskGateLevel } from "../../review";
import { CliError, ExitCode } from "../exit-codes";
import { printJson } from "../output";

export interface PlanReviewOptions {
  /** The PR's rollout config (the shared option: --config, ROLLOUT_CONFIG, else the embedded example). */
  readonly config: string;
  readonly baseConfig?: string;
  readonly baseRef?: string;
  readonly all?: boolean;
  readonly parallelism?: number;
  /** The shared selection: --stack or CAMPAIGNS_STACKS, --wave or CAMPAIGNS_WAVE. */
  readonly stack?: string[];
  readonly wave?: string;
  /** Checked by the option's choices (a usage error, exit 64, otherwise). */
  readonly failOn?: RiskGateLevel;
  readonly json?: boolean;
}

/**
 * `plan-review` (`npm run plan`), an adapter over modules/plan-review: progress on stderr, the
 * review's file (or the review as JSON) on stdout. Exit 0 reviewed, 1 a stack failed to plan or
 * the input is invalid, 2 --fail-on tripped, 64 usage.
 */
export async function planReviewCommand(options: PlanReviewOptions): Promise<void> {
  if (options.baseConfig !== undefined && options.baseRef !== undefined) throw new CliError("plan-review: give --base-config or --base-ref, not both", ExitCode.usage);
  const log = (line: string) => process.stderr.write(`plan-review: ${line}\n`);
  const cwd = process.cwd();
  const base = options.baseConfig !== undefined ? { file: options.baseConfig } : options.baseRef !== undefined ? { ref: options.baseRef } : undefined;
  let result;
  try {
    result = await planReview(
      { cwd, configFile: options.config, selection: { stacks: options.stack, wave: options.wave }, base, all: options.all, parallelism: options.parallelism },
      log,
    );
  } catch (error) {
    if (error instanceof PlanReviewError) throw new CliError(error.message);
    throw error;
  }
  const { report, reviewFile, failed } = result;
  if (options.json) printJson(report);
  else {
    // The failed stacks are in the review too: "the review of 0 stack(s)" read as an empty one.
    const alsoFailed = failed.length > 0 ? `, and of ${failed.length} that failed to plan,` : "";
    process.stdout.write(`Wrote the review of ${report.stacks.length} stack(s)${alsoFailed} to ${path.relative(cwd, reviewFile)}\n`);
  }
  log(`done: ${result.planned} planned, ${report.unchanged?.length ?? 0} unchanged, ${report.removed?.length ?? 0} removed, ${failed.length} failed; risk ${report.risk}`);
  if (failed.length > 0) throw new CliError(`plan-review: ${failed.length} stack(s) failed to plan: ${failed.map((f) => f.stack).join(", ")} (see plan.log in each)`);
  const { driftErrors } = result;
  if (driftErrors.length > 0) throw new CliError(`plan-review: the drift check failed for ${driftErrors.map((e) => e.stack).join(", ")}: ${driftErrors[0].message}`);
  if (options.failOn && riskGateTripped(report, options.failOn)) {
    log(`${report.risk}-risk changes present (--fail-on ${options.failOn})`);
    process.exitCode = ExitCode.gated;
  }
}
