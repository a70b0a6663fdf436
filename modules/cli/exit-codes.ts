import { ExitCode, ExitCodeValue } from "../hooks/contract";

/**
 * Exit codes of `connect-campaigns-iac`: the project's one table (modules/hooks/contract), which
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
