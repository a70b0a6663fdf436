import { ExitCode, ExitCodeValue } from "../hook-contract";

/**
 * Exit codes of `connect-campaigns-iac`: the project's one table (modules/hook-contract), which
 * the hook runtime exits with too.
 */
export { ExitCode };
export type { ExitCodeValue };

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
