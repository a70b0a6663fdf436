import { parseArgs } from "node:util";
import type { StackSelection } from "../rollout";

/** What `main.ts` synthesizes: which config, and which of its stacks. */
export interface SynthOptions {
  /** The rollout config file; undefined for the embedded example. */
  readonly configFile?: string;
  readonly selection: StackSelection;
  /** Where to write the stacks (`--output`); undefined for cdktf's `cdktf.out`. */
  readonly outdir?: string;
}

export const SYNTH_USAGE = [
  "usage: npm run synth -- [--config <file>] [--stack <id>]... [--wave <name>] [--output <dir>]",
  "       (or, for npx cdktf synth: ROLLOUT_CONFIG=<file> CAMPAIGNS_STACKS=<id,id> CAMPAIGNS_WAVE=<name>)",
].join("\n");

/** A command line `main.ts` cannot use: reported with {@link SYNTH_USAGE}. */
export class SynthUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${SYNTH_USAGE}`);
    this.name = "SynthUsageError";
  }
}

/** `a,b` and repeated flags alike, blanks dropped; undefined when nothing is left. */
function idList(values: readonly string[]): string[] | undefined {
  const ids = values.flatMap((v) => v.split(",")).map((id) => id.trim()).filter(Boolean);
  return ids.length > 0 ? ids : undefined;
}

/**
 * The synth options from the command line (`npm run synth -- --stack X`) or, where a flag is
 * absent, the environment (`npx cdktf synth` runs the app with no arguments, so a pipeline job
 * sets CAMPAIGNS_STACKS / CAMPAIGNS_WAVE instead). A flag wins over its variable.
 */
export function synthOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): SynthOptions {
  let values: { config?: string; stack?: string[]; wave?: string; output?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { config: { type: "string", short: "c" }, stack: { type: "string", short: "s", multiple: true }, wave: { type: "string", short: "w" }, output: { type: "string", short: "o" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SynthUsageError((error as Error).message);
  }
  return {
    configFile: values.config ?? (env.ROLLOUT_CONFIG || undefined),
    selection: {
      stacks: idList(values.stack ?? []) ?? idList([env.CAMPAIGNS_STACKS ?? ""]),
      wave: values.wave ?? (env.CAMPAIGNS_WAVE || undefined),
    },
    outdir: values.output || undefined,
  };
}
