import * as fs from "node:fs";
import { rolloutJsonSchemaText } from "../../rollout";
import { CliError } from "../exit-codes";

/** `schema [--write <file>]`: prints (or writes) the JSON Schema of the rollout config. */
export function schemaCommand(options: { write?: string }): void {
  const text = rolloutJsonSchemaText();
  if (!options.write) {
    process.stdout.write(text);
    return;
  }
  try {
    fs.writeFileSync(options.write, text);
  } catch (error) {
    throw new CliError(`${options.write}: could not write the schema (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
