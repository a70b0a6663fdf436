import * as path from "node:path";
import { Command, Option } from "commander";
import { PACKAGE_ROOT } from "../package-root";
import { stackId, stepName, waveName } from "./option-values";

/**
 * The options several commands share, declared once: a command adds the ones it takes
 * (`command.addOption(options.config())`), so each means the same thing, reads the same variable
 * and says so in the same words in every `--help`. A new command (or a new flag on an old one)
 * takes them from here rather than declaring its own.
 */

/** The config `synth` and `plan-review` use when none is named: the package's own example. */
export const EMBEDDED_CONFIG = path.join(PACKAGE_ROOT, "examples", "rollout.json");

/** The variables the shared options fall back to (a flag wins over its variable). */
export const ENV = { config: "ROLLOUT_CONFIG", stacks: "CAMPAIGNS_STACKS", wave: "CAMPAIGNS_WAVE" } as const;

export interface ConfigOptionSettings {
  /**
   * Without `--config` nor ROLLOUT_CONFIG: the embedded example (synth, plan-review), else a usage
   * error (exit 64). @default false
   */
  readonly embeddedDefault?: boolean;
  /** What the config is for, in the help. @default "rollout config (JSON)" */
  readonly description?: string;
}

/**
 * Whether an option value is a variable set to nothing (`ROLLOUT_CONFIG= npm run …`, or a CI job
 * that passes an empty input): treated as unset, as a shell script would.
 */
const isBlank = (value: unknown) => value === "" || (Array.isArray(value) && value.length === 0);

/** A parser that lets an empty value through (a blank variable, see {@link isBlank}). */
const blankOr =
  <T>(parse: (value: string, previous: T) => T) =>
  (value: string, previous: T): T =>
    value.trim() === "" ? ("" as T) : parse(value, previous);

/** `a,b` and repeated flags alike, blanks dropped, each id a stack id. */
const stackIds = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").map((id) => id.trim()).filter(Boolean).map(stackId)];

export const options = {
  /** `-c, --config <file>`, or ROLLOUT_CONFIG. */
  config(settings: ConfigOptionSettings = {}): Option {
    const option = new Option("-c, --config <file>", settings.description ?? "rollout config (JSON)").env(ENV.config);
    return settings.embeddedDefault ? option.default(EMBEDDED_CONFIG, "the embedded examples/rollout.json") : option.makeOptionMandatory();
  },

  /** `--json`: one JSON document on stdout for machines (progress, if any, on stderr). */
  json(description = "print JSON for machines (progress on stderr)"): Option {
    return new Option("--json", description);
  },

  /** `-s, --stack <stack>`: one stack of the config. */
  stack(): Option {
    return new Option("-s, --stack <stack>", "the stack (campaigns-<account>-<region>)").argParser(stackId).makeOptionMandatory();
  },

  /** `-s, --stack <id...>` (repeated, or comma-separated), or CAMPAIGNS_STACKS: a selection of the config's stacks. */
  stacks(): Option {
    return new Option("-s, --stack <id...>", "only these stacks (repeat it or separate ids with commas)")
      .env(ENV.stacks)
      .argParser(blankOr(stackIds));
  },

  /** `-w, --wave <name>`: the wave, or step of a split wave (`<wave>#owners`), a command works on (required). */
  step(): Option {
    return new Option("-w, --wave <name>", "the wave or step (as `waves` lists it)").argParser(stepName).makeOptionMandatory();
  },

  /** `--destroy`: the destroy order (waves in reverse, a role owner after its account's other targets). */
  destroy(description: string): Option {
    return new Option("--destroy", description);
  },

  /** `-w, --wave <name>`, or CAMPAIGNS_WAVE: only that wave's stacks (a selection, optional). */
  waveSelection(): Option {
    return new Option("-w, --wave <name>", "only this wave's stacks").env(ENV.wave).argParser(blankOr(waveName));
  },

  /** `-o, --output <dir>`: where synthesized stacks go. */
  output(): Option {
    return new Option("-o, --output <dir>", "write the stacks into <dir> (default: cdktf.out, or CDKTF_OUTDIR)");
  },
};

/**
 * Run before every command's action (a `preAction` hook on the program): a blank variable is
 * unset, so the option takes its default, and a required option left blank is the usage error
 * commander gives one left out.
 */
export function blankVariablesAreUnset(_program: Command, command: Command): void {
  for (const option of command.options) {
    const key = option.attributeName();
    if (!isBlank(command.getOptionValue(key))) continue;
    command.setOptionValueWithSource(key, option.defaultValue, "default");
    if (option.mandatory && option.defaultValue === undefined) command.error(`error: required option '${option.flags}' not specified`, { exitCode: 64, code: "commander.missingMandatoryOptionValue" });
  }
}
