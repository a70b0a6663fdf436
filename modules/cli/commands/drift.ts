import { loadRolloutConfig, selectTargets, type StackSelection } from "../../rollout";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { load } from "../lazy";
import { printJson } from "../output";

type Drift = typeof import("../../drift");

export interface DriftCommandOptions {
  /** The shared option: --config, else ROLLOUT_CONFIG (required). */
  readonly config: string;
  readonly stack?: string[];
  readonly wave?: string;
  /** @default 16 (DEFAULT_DRIFT_PARALLELISM) */
  readonly parallelism?: number;
  readonly json?: boolean;
}

/**
 * `drift --config <file> [--stack <id>...] [--wave <name>] [--parallelism <n>] [--json]`: a thin
 * adapter over modules/drift. Exit 0 in sync, 2 drift, 1 bad input or a target that could not
 * be checked (named on stderr; the others are still checked), 3 wrong account, 64 usage.
 */
export async function driftCommand(options: DriftCommandOptions): Promise<void> {
  const rollout = loadRolloutConfig(options.config);
  const selection: StackSelection = { stacks: options.stack?.length ? options.stack : undefined, wave: options.wave };
  const targets = selectTargets(rollout, selection);
  const log = (line: string) => process.stderr.write(`drift: ${line}\n`);
  // The SDK warns on Node 20 about its releases after January 2027; the versions here are pinned.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  // Resolved from modules/cli/lazy.ts, where the require runs.
  const drift = load<Drift>("../drift");
  log(`checking ${targets.length} target(s)`);
  const every = Math.max(1, Math.floor(targets.length / 10));
  const { report } = await drift.checkDrift(rollout, targets, {
    parallelism: options.parallelism,
    onTarget: ({ target, findings, error }, done, total) => {
      if (error) log(`${done}/${total} ${target.stackId}: not checked: ${error.message}`);
      else if (findings.length > 0) log(`${done}/${total} ${target.stackId}: ${findings.length} finding(s)`);
      else if (done % every === 0 || done === total) log(`${done}/${total} checked`);
    },
  });
  if (options.json) printJson(report);
  else process.stdout.write(drift.renderDriftMarkdown(report, targets.map((t) => ({ stack: t.stackId, wave: t.wave }))));
  log(`${report.inSync} in sync, ${report.findings.length} finding(s), ${report.errors.length} not checked`);
  process.exitCode = driftExitCode(report);
}

/** 3 when a target's credentials act in another account, else 1 when one could not be checked, else 2 on findings. */
export function driftExitCode(report: import("../../drift").DriftReport): ExitCodeValue {
  if (report.errors.some((e) => e.wrongAccount)) return ExitCode.refused;
  if (report.errors.length > 0) return ExitCode.failed;
  return report.findings.length > 0 ? ExitCode.gated : ExitCode.ok;
}
