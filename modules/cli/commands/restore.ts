import * as fs from "node:fs";
import { CliError } from "../exit-codes";
import { withHookRuntime } from "../lazy";
import { printJson, hookOutputFor } from "../output";

export interface RestoreCommandOptions {
  readonly dryRun?: boolean;
  readonly roleTemplate?: string;
  readonly json?: boolean;
}

/**
 * `restore <backup dir>`: recreates the campaigns backed up under a directory (any depth), each in
 * the account and Region it came from, skipping campaigns that exist by name on their instance.
 */
export async function restoreCommand(dir: string, options: RestoreCommandOptions): Promise<void> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new CliError(`${dir}: expected a directory of campaign backups`);
  await withHookRuntime(async ({ restoreBackups }) => {
    const result = await restoreBackups(dir, { dryRun: options.dryRun, roleTemplate: options.roleTemplate, output: hookOutputFor(options.json) });
    if (options.json) printJson({ summary: result.summary, campaigns: result.campaigns, skipped: result.skipped });
    process.exitCode = result.exitCode;
  });
}
