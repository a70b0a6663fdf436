import { z } from "zod";
import { rolloutConfigSchema } from "./schema";

/**
 * The JSON Schema of the rollout config, generated from the zod schema (the one source of truth),
 * published as `examples/rollout.schema.json` so that editors complete and check config files.
 * Checks that span fields (Region table, duplicates, waves) are not expressible here and run at load.
 */
export function rolloutJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(rolloutConfigSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
    $id: "https://github.com/connect-campaigns-iac/connect-campaigns-iac/examples/rollout.schema.json",
    title: "connect-campaigns-iac rollout config",
  };
}

/** The file content: stable key order and a trailing newline, so the committed copy can be compared. */
export function rolloutJsonSchemaText(): string {
  return `${JSON.stringify(rolloutJsonSchema(), null, 2)}\n`;
}
