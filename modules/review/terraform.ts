import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { terraformEnv } from "../terraform-cli";

const run = promisify(execFile);

/** A Terraform command that failed, with the last lines it wrote to stderr. */
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

/** Runs terraform in `dir` with the project's CLI config (provider mirror); resolves to its stdout. */
export async function terraform(dir: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run("terraform", [...args, "-no-color"], { cwd: dir, env: terraformEnv(), maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as { stderr?: string; message: string };
    const detail = (failure.stderr ?? "").trim().split("\n").filter(Boolean).slice(-3).join(" ") || failure.message;
    throw new TerraformFailure(dir, args, detail);
  }
}
