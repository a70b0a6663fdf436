import { ConfigError, parseRolloutConfig } from "../../modules/rollout";

/** The file name config problems are reported under in tests. */
export const CONFIG_FILE = "rollout.json";

/**
 * The problems a config yields, as "path: message" lines (without the file prefix), after
 * checking that every line of the error names the file and a JSON path. Fails when it is accepted.
 */
export function configProblems(config: unknown): string[] {
  try {
    parseRolloutConfig(typeof config === "string" ? config : JSON.stringify(config), CONFIG_FILE, "/base");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    for (const line of configError.message.split("\n")) expect(line.startsWith(`${CONFIG_FILE}: $`)).toBe(true);
    return configError.problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error("expected the config to be refused");
}
