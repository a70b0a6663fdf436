import { spawn } from "node:child_process";
import * as path from "node:path";
import type { Emulator } from "../emulator/emulator";
import { FAST_QUOTAS } from "../hook-runtime/fixtures";

const BIN = path.join(__dirname, "..", "..", "bin", "connect-campaigns-iac.js");

export interface BinRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI as a user runs it (`bin/`, a child process) against the emulator, with `env` on top of
 * the emulator's; none of this process's AWS_* variables leaks in.
 */
export function runBin(emulator: Emulator, args: readonly string[], env: Record<string, string> = {}): Promise<BinRun> {
  const parentEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...parentEnv, ...emulator.env, ...FAST_QUOTAS, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
