import { quote } from "../aws-values";

/** One thing wrong with a config file: where (a JSON path like `$.targets[0].account`) and what. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

/** Problems a message shows before it sums up the rest: a generated config with thousands of mistakes stays readable. */
export const MAX_PROBLEM_LINES = 50;

/**
 * A config file that cannot be used. Carries every problem found, so that a user fixes them all
 * in one go; `message` is one line per problem: `<file>: <path>: <what was expected>`, at most
 * {@link MAX_PROBLEM_LINES} of them and then `<file>: … and N more problems` (`problems` has all,
 * and `--json` prints all).
 */
export class ConfigError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: readonly ConfigProblem[],
  ) {
    const shown = problems.length > MAX_PROBLEM_LINES ? problems.slice(0, MAX_PROBLEM_LINES - 1) : problems;
    const lines = shown.map((p) => `${file}: ${p.path}: ${p.message}`);
    if (shown.length < problems.length) lines.push(`${file}: … and ${problems.length - shown.length} more problems`);
    super(lines.join("\n"));
    this.name = "ConfigError";
  }
}

/** Renders a path of keys and indexes as a JSON path: `["targets", 0, "account"]` → `$.targets[0].account`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === "number") return `${path}[${segment}]`;
    const key = String(segment);
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${quote(key, Infinity)}]`;
  }, "$");
}

/** A stack or wave asked for (on the command line or in the environment) that the config does not have. */
export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectionError";
  }
}

/** Errors that are the user's input, reported as their message alone (never a stack trace). */
export function isInputError(error: unknown): error is ConfigError | SelectionError {
  return error instanceof ConfigError || error instanceof SelectionError;
}
