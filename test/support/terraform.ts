import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { terraformAvailability, terraformEnv } from "../../modules/terraform-cli";
import type { ToolCheck } from "./tiers";

const run = promisify(execFile);

/** terraform on PATH with a provider mirror (or a CLI config of the user's). */
export function terraformCheck(): ToolCheck {
  const availability = terraformAvailability();
  return { ok: availability.ok, reason: availability.reason };
}

export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs terraform in `dir` with the project's CLI config; never throws on a non-zero exit. */
export async function terraform(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<TerraformResult> {
  try {
    const { stdout, stderr } = await run("terraform", [`-chdir=${dir}`, ...args, "-no-color"], {
      env: terraformEnv({ ...process.env, ...env }),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === "number" ? failure.code : 1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

/** A fresh scratch directory under the OS temp dir. */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}
