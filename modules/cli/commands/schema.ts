import * as fs from "node:fs";
import { rolloutJsonSchemaText } from "../../rollout";

/** `schema [--write <file>]`: prints (or writes) the JSON Schema of the rollout config. */
export function schemaCommand(options: { write?: string }): void {
  const text = rolloutJsonSchemaText();
  if (options.write) fs.writeFileSync(options.write, text);
  else process.stdout.write(text);
}
