import { execFile } from "node:child_process";
import * as path from "node:path";
import type { Emulator } from "../emulator/emulator";
import { FAST_QUOTAS } from "../hooks/runtime/fixtures";
import type { CliRun } from "./cli";
import { withoutAwsVariables } from "./process-env";

/** The CLI as a user runs it from a checkout: `bin/connect-campaigns-iac.js`, in its own process. */
export const BIN = path.join(__dirname, "..", "..", "bin", "connect-campaigns-iac.js");

/**
 * Runs the real `bin/` in a child process (what `npx connect-campaigns-iac` runs), so that what
 * the in-process {@link cli} cannot see — the loader, the exit code Node reports, stdout and
 * stderr as written — is tested too. `env` is the child's whole environment.
 */
export function runBin(args: readonly string[], options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, env: options.env ?? process.env, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : undefined) : 0;
      if (code === undefined) reject(error);
      else resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The real `bin/` against the emulator: the emulator's endpoint and test credentials, fast quotas,
 * and `env` on top; none of this process's AWS_* variables leaks in.
 */
export function runBinWithEmulator(emulator: Emulator, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const parentEnv = withoutAwsVariables();
  return runBin(args, { env: { ...parentEnv, ...emulator.env, ...FAST_QUOTAS, ...env } });
}
