import { InvalidArgumentError } from "commander";
import type { VALUE_SCHEMAS } from "../rollout/schema";
import { parseStackId } from "../rollout/resolved";
import { load } from "./lazy";

/**
 * Parsers for option values that have a domain (an account id, a stack id, …). A value outside it
 * is a usage error: commander reports it as one line naming the option and exits 64 — before the
 * command loads a config or calls AWS. Values take the config's own rules (and messages), loaded
 * only when such an option is given so that `--help` stays light.
 */
function configValue(name: keyof typeof VALUE_SCHEMAS): (value: string) => string {
  return (value) => {
    const schema = load<{ VALUE_SCHEMAS: typeof VALUE_SCHEMAS }>("../rollout/schema").VALUE_SCHEMAS[name];
    const result = schema.safeParse(value);
    if (!result.success) throw new InvalidArgumentError(result.error.issues[0].message);
    return value;
  };
}

export const accountId = configValue("account");
export const instanceId = configValue("instanceId");
export const waveName = configValue("waveName");
export const stepName = configValue("stepName");
export const roleArnTemplate = configValue("roleArnTemplate");

export function stackId(value: string): string {
  if (!parseStackId(value)) throw new InvalidArgumentError("expected a stack id campaigns-<account>-<region>, like campaigns-111111111111-us-east-1");
  return value;
}

/** `--parallelism`: a whole number of at least 1. */
export function wholeNumberAtLeastOne(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  }
  return n;
}
