import * as fs from "node:fs";
import type { core } from "zod";
import { allowedKeysAt } from "./allowed-keys";
import { decodeConfigText, lineAndColumn, withoutBom } from "./config-text";
import { ConfigError, ConfigProblem, jsonPath } from "./problems";
import { quote } from "../aws-values";
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
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new ConfigError(file, [{ path: "$", message: `expected a readable JSON file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  const decoded = decodeConfigText(bytes);
  if ("problem" in decoded) throw new ConfigError(file, [decoded.problem]);
  return parseRolloutConfig(decoded.text, file, baseDir);
}

/** Like {@link loadRolloutConfig}, for config text already in memory. */
export function parseRolloutConfig(text: string, file: string, baseDir = process.cwd()): ResolvedRollout {
  const config = validateDocument(parseJson(withoutBom(text), file), file);
  const targets = config.targets.map((_, index) => resolveTarget(config, index, baseDir));
  const problems = CONFIG_RULES.flatMap((rule) => rule.check({ config, targets }));
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { file, targets, waves: resolveWaves(config, targets) };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text.slice(0, Number(position[1])))}` : "";
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "");
    throw new ConfigError(file, [{ path: "$", message: `expected valid JSON${where}: ${reason}` }]);
  }
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
