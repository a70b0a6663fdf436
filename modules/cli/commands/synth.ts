import * as path from "node:path";
import { synthesize } from "../../stack";
import { CliError } from "../exit-codes";
import { listPreview, printJson } from "../output";

export interface SynthCommandOptions {
  /** Resolved by the shared option: --config, ROLLOUT_CONFIG, else the embedded example. */
  readonly config: string;
  readonly stack?: string[];
  readonly wave?: string;
  readonly output?: string;
  readonly json?: boolean;
}

/**
 * `synth [--config <file>] [--stack <id>]... [--wave <name>] [--output <dir>] [--json]` (also
 * `npm run synth`, `main.ts`, `npx cdktf synth`): writes the stacks and says what was written —
 * one line on stdout, or `{outdir, stacks, kept}` with --json.
 */
export function synthCommand(options: SynthCommandOptions): void {
  // cdktf captures a stack trace for every token it creates; with tsx's source maps on, mapping
  // those traces was a fifth of a 2000-stack synth. Config errors carry no trace; an unexpected
  // error from here on shows transpiled positions (run `node --enable-source-maps` to map them).
  if (!process.execArgv.includes("--enable-source-maps")) process.setSourceMapsEnabled(false);
  let result;
  try {
    result = synthesize({ configFile: options.config, selection: { stacks: options.stack, wave: options.wave }, outdir: options.output });
  } catch (error) {
    // An output directory that cannot be written (permissions, a file in its place): one line.
    if (isFileSystemError(error)) throw new CliError(`${error.path}: cannot ${error.syscall} (${error.code})`);
    throw error;
  }
  for (const name of result.kept) process.stderr.write(`${name}: not in this synth; its folder holds a state file or campaign backups, so it stays (its plans were removed)\n`);
  if (options.json) {
    printJson({ config: options.config, outdir: result.outdir, stacks: result.stacks, kept: result.kept });
    return;
  }
  // Relative to where it ran when inside it (cdktf.out/stacks), else the absolute path.
  const stacksDir = path.resolve(result.outdir, "stacks");
  const relative = path.relative(process.cwd(), stacksDir);
  const where = relative.startsWith("..") || path.isAbsolute(relative) ? stacksDir : relative;
  process.stdout.write(`${options.config}: wrote ${result.stacks.length} stack(s) to ${where}: ${listPreview(result.stacks)}\n`);
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  const e = error as NodeJS.ErrnoException;
  return e instanceof Error && typeof e.code === "string" && typeof e.syscall === "string" && typeof e.path === "string";
}
