import { ConfigError, loadRolloutConfig } from "../../rollout";
import { CliError, ExitCode } from "../exit-codes";
import { printJson } from "../output";

/**
 * `validate --config <file> [--json]`: loads the config and checks every rule synth applies,
 * writing nothing. `<file>: valid: N targets in M waves`; or one line per problem on stderr
 * (with --json also `{valid: false, file, problems}` on stdout) and exit 1.
 */
export function validateCommand(options: { config: string; json?: boolean }): void {
  let rollout;
  try {
    rollout = loadRolloutConfig(options.config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (options.json) printJson({ valid: false, error: "invalid config", file: error.file, problems: error.problems });
    throw new CliError(error.message, ExitCode.failed);
  }
  const counts = { targets: rollout.targets.length, waves: rollout.waves.length, retired: rollout.targets.filter((t) => t.retired).length };
  if (options.json) printJson({ valid: true, file: rollout.file, ...counts });
  else process.stdout.write(`${rollout.file}: valid: ${plural(counts.targets, "target")} in ${plural(counts.waves, "wave")}${counts.retired > 0 ? ` (${counts.retired} retired)` : ""}\n`);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
