import { parseRolloutConfig } from "../../modules/rollout";
import { CONFIG_RULES } from "../../modules/rollout/rules";
import { CONFIG_FILE } from "./config-problems";

export const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/** A valid target: one instance in a listed Region, the role created (the default). */
export function target(account: string, region: string, extra: Record<string, unknown> = {}) {
  return { account, region, instances: [{ id: INSTANCE }], ...extra };
}

/** The config resolved, for a case the rule must let through (throws the rule's message otherwise). */
export function accepted(config: unknown) {
  return parseRolloutConfig(JSON.stringify(config), CONFIG_FILE, "/base");
}

/**
 * describe() for the tests of one config rule (`modules/rollout/rules/<id>.ts`), named by its
 * id; the first test fails when no rule of CONFIG_RULES has that id, so a renamed rule cannot
 * leave its tests behind.
 */
export function describeConfigRule(id: string, body: () => void): void {
  describe(`config rule ${id}`, () => {
    it("is one of the rules every config is checked against", () => {
      expect(CONFIG_RULES.map((rule) => rule.id)).toContain(id);
    });
    body();
  });
}
