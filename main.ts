/**
 * The CDKTF app: one stack per (account, Region) target of a rollout config.
 *
 *   npm run synth                                   the embedded examples/rollout.json
 *   npm run synth -- --config <file>                that config (or ROLLOUT_CONFIG=<file>)
 *   npm run synth -- --stack <id> [--stack <id>]    only those stacks (or CAMPAIGNS_STACKS=<id,id>)
 *   npm run synth -- --wave <name>                  only that wave's stacks (or CAMPAIGNS_WAVE=<name>)
 *   npm run synth -- --output <dir>                 into <dir> instead of cdktf.out
 *
 * The output directory then holds exactly this synth: stack folders of earlier synths (another
 * config, another selection) are removed, and so are the plans (plan.json, tfplan) of every stack
 * folder, which were made from an earlier cdk.tf.json. manifest.json names the stacks written.
 *
 * `npx cdktf synth` passes no arguments: use the environment variables there. An invalid config,
 * or a stack or wave the config lacks, prints one line per problem and exits 1 before anything
 * is written.
 */
import * as path from "node:path";
import { isInputError, loadRolloutConfig } from "./modules/rollout";
import { buildApp, cleanOutdir, SynthUsageError, synthOptionsFrom } from "./modules/stack";
import type { CampaignsTargetStack } from "./modules/stack";
import { PACKAGE_ROOT } from "./modules/package-root";
import { ExitCode } from "./modules/hook-contract";

// From the package root: this file also runs compiled, from lib/.
export const EMBEDDED_CONFIG = path.join(PACKAGE_ROOT, "examples", "rollout.json");

function main(): void {
  try {
    const { configFile, selection, outdir } = synthOptionsFrom(process.argv.slice(2), process.env);
    const rollout = loadRolloutConfig(configFile ?? EMBEDDED_CONFIG);
    // cdktf captures a stack trace for every token it creates; with tsx's source maps on, mapping
    // those traces was a fifth of a 2000-stack synth. Config errors carry no trace; an unexpected
    // error from here on shows transpiled positions (run `node --enable-source-maps` to map them).
    if (!process.execArgv.includes("--enable-source-maps")) process.setSourceMapsEnabled(false);
    const app = buildApp(rollout, selection, outdir);
    const stackIds = app.node.children.map((stack) => (stack as CampaignsTargetStack).target.stackId);
    const { kept } = cleanOutdir(app.outdir, stackIds);
    for (const name of kept) console.error(`${name}: not in this synth; its folder holds a state file or campaign backups, so it stays (its plans were removed)`);
    app.synth();
  } catch (error) {
    if (isFileSystemError(error)) {
      // An output directory that cannot be written (permissions, a file in its place): one line.
      console.error(`${error.path}: cannot ${error.syscall} (${error.code})`);
      process.exitCode = ExitCode.failed;
      return;
    }
    if (!isInputError(error) && !(error instanceof SynthUsageError)) throw error;
    console.error(error.message);
    process.exitCode = error instanceof SynthUsageError ? ExitCode.usage : ExitCode.failed;
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  const e = error as NodeJS.ErrnoException;
  return e instanceof Error && typeof e.code === "string" && typeof e.syscall === "string" && typeof e.path === "string";
}

main();
