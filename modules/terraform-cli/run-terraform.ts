import { execFile } from "node:child_process";
import { terraformErrorSummary } from "./error-summary";
import { terraformEnv } from "./terraform-env";

export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `terraform <args> -no-color` in `dir` with the project's CLI config (provider mirror) and
 * `env` over the process environment. Resolves whatever the exit code; rejects only when
 * terraform cannot be started at all.
 */
export function runTerraform(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<TerraformResult> {
  return new Promise((resolve, reject) => {
    let tfEnv: NodeJS.ProcessEnv;
    try {
      tfEnv = terraformEnv({ ...process.env, ...env });
    } catch (error) {
      // An unsafe project folder (see projectDirProblem): refused like a failed command, in one line.
      return resolve({ code: 1, stdout: "", stderr: `Error: ${(error as Error).message}\n` });
    }
    execFile(
      "terraform",
      [...args, "-no-color"],
      { cwd: dir, env: tfEnv, maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        if (typeof code !== "number") return reject(error);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A Terraform command that failed, with its first error (see {@link terraformErrorSummary}). */
export class TerraformFailure extends Error {
  constructor(
    public readonly dir: string,
    args: readonly string[],
    public readonly detail: string,
  ) {
    super(`${dir}: \`terraform ${args.join(" ")}\` failed: ${detail}`);
    this.name = "TerraformFailure";
  }
}

/** Runs terraform like {@link runTerraform}; resolves to its stdout, rejects with a {@link TerraformFailure}. */
export async function terraformOutput(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await runTerraform(dir, args, env);
  if (result.code !== 0) {
    throw new TerraformFailure(dir, args, terraformErrorSummary(result.stderr, result.code));
  }
  return result.stdout;
}
