/**
 * Exit codes of `connect-campaigns-iac`. Each means one thing, so pipelines can branch on them.
 */
export const ExitCode = {
  ok: 0,
  /** The work failed, or the input (config, plan, backup) was unreadable or invalid. */
  failed: 1,
  /** A gate closed: `review --fail-on` (a change at or above the risk) or `gate` (a wave's failures exceed its tolerance). */
  gated: 2,
  /** `cleanup`: campaigns exist and deletion is not allowed; nothing was deleted. */
  refused: 3,
  /** The command line itself was wrong: an unknown command or option, a missing or extra argument, an option value outside its domain, options that need or exclude each other. */
  usage: 64,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI reports as one clear line (no stack trace) with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode: ExitCodeValue = ExitCode.failed,
  ) {
    super(message);
    this.name = "CliError";
  }
}
