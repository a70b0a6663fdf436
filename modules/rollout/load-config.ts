import * as fs from "node:fs";
import type { core } from "zod";
import { allowedKeysAt } from "./allowed-keys";
import { decodeConfigText, lineAndColumn, withoutBom } from "./config-text";
import { keyProblems } from "./json-keys";
import { ConfigError, ConfigProblem, jsonPath } from "./problems";
import { quote } from "./quote";
import { resolveTarget, resolveWaves } from "./resolve";
import type { ResolvedRollout } from "./resolved";
import { CONFIG_RULES } from "./rules";
import { RolloutConfig, rolloutConfigSchema } from "./schema";
import { nearest } from "./suggest";

/**
 * Reads, validates and resolves a rollout config file. Throws a {@link ConfigError} listing every
 * problem (file, JSON path, what was expected); returns nothing partial.
 *
 * @param file path of the config, as the user gave it (it is named in messages as given)
 * @param baseDir directory that relative backup paths are resolved against
 */
export function loadRolloutConfig(file: string, baseDir = process.cwd()): ResolvedRollout {
  let bytes: Buffer;
  try {
    // Refused before it is read whole: a config is a few KB (2000 targets: about 300 KB).
    const size = fs.statSync(file).size;
    if (size > MAX_CONFIG_BYTES) throw new ConfigError(file, [tooLarge(size)]);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(file, [{ path: "$", message: `expected a readable JSON file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  const decoded = decodeConfigText(bytes);
  if ("problem" in decoded) throw new ConfigError(file, [decoded.problem]);
  return parseRolloutConfig(decoded.text, file, baseDir);
}

/** The largest config file accepted: far above any real rollout, far below what would stall a parse. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

const tooLarge = (size: number): ConfigProblem => ({
  path: "$",
  message: `expected a config file of at most ${MAX_CONFIG_BYTES / 1024 / 1024} MB, got ${(size / 1024 / 1024).toFixed(1)} MB: a rollout config is a few KB (2000 targets: about 300 KB); is this the right file?`,
});

/** Like {@link loadRolloutConfig}, for config text already in memory. */
export function parseRolloutConfig(text: string, file: string, baseDir = process.cwd()): ResolvedRollout {
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_CONFIG_BYTES) throw new ConfigError(file, [tooLarge(size)]);
  const config = validateDocument(parseJson(withoutBom(text), file), file);
  const targets = config.targets.map((_, index) => resolveTarget(config, index, baseDir));
  const problems = CONFIG_RULES.flatMap((rule) => rule.check({ config, targets }));
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { file, targets, waves: resolveWaves(config, targets) };
}

function parseJson(text: string, file: string): unknown {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text.slice(0, Number(position[1])))}` : "";
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "");
    // Editors and READMEs often show JSON with comments (jsonc); say so rather than leave a
    // newcomer to puzzle over "expected a property name".
    const comment = position && /^\/[/*]/.test(text.slice(Number(position[1])).trimStart()) ? "; comments (// or /* */) are not JSON: remove them" : "";
    throw new ConfigError(file, [{ path: "$", message: `expected valid JSON${where}: ${reason}${comment}` }]);
  }
  const lost = keyProblems(text);
  if (lost.length > 0) throw new ConfigError(file, lost);
  return document;
}

function validateDocument(document: unknown, file: string): RolloutConfig {
  const result = rolloutConfigSchema.safeParse(document, { reportInput: true });
  if (result.success) return result.data;
  throw new ConfigError(file, result.error.issues.flatMap(describeIssue));
}

/** Turns a zod issue into problems phrased as "expected …" with the JSON path of the value. */
function describeIssue(issue: core.$ZodIssue): ConfigProblem[] {
  const path = jsonPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(rolloutConfigSchema, issue.path, issue.input);
      return issue.keys.map((key) => {
        // A key within a third of its length of an allowed one is a typo, and one that begins an
        // allowed key is a shortening ("kmsKey"); anything further off would mislead.
        const suggestion =
          nearest(key, allowed, Math.max(2, Math.floor(key.length / 3))) ??
          (key.length >= 3 ? allowed.find((k) => k.toLowerCase().startsWith(key.toLowerCase())) : undefined);
        const hint = suggestion ? `did you mean "${suggestion}"? ` : "";
        return {
          path: jsonPath([...issue.path, key]),
          message: `unknown key ${quote(key)}: ${hint}expected only ${allowed.map((k) => `"${k}"`).join(", ")} here (see examples/rollout.schema.json)`,
        };
      });
    }
    case "invalid_type": {
      // The schema's own "expected …" wording where it has one (e.g. `.int()`'s "a whole number").
      const expected = issue.message.startsWith("expected") ? issue.message : `expected ${issue.expected}`;
      return [{ path, message: issue.input === undefined ? `is required: ${expected}` : `${expected}, got ${describeValue(issue.input)}` }];
    }
    default:
      return [{ path, message: issue.message.startsWith("expected") ? `${issue.message}` : `expected a valid value: ${issue.message}` }];
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
