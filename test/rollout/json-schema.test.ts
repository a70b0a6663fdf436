import * as fs from "node:fs";
import * as path from "node:path";
import { rolloutJsonSchema, rolloutJsonSchemaText } from "../../modules/rollout";

const PUBLISHED = path.join(__dirname, "..", "..", "examples", "rollout.schema.json");

describe("the published JSON Schema", () => {
  // The whole document is the contract editors read: it must be exactly what the zod schema generates.
  it("is the one generated from the zod schema (run `npm run schema` after changing it)", () => {
    expect(fs.readFileSync(PUBLISHED, "utf8")).toBe(rolloutJsonSchemaText());
  });

  it("rejects unknown keys and requires targets, so editors flag typos", () => {
    const schema = rolloutJsonSchema() as { additionalProperties: boolean; required: string[]; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["targets"]);
    expect(Object.keys(schema.properties)).toEqual(["$schema", "defaults", "waves", "targets"]);
  });

  it("is referenced by the example config", () => {
    const example = JSON.parse(fs.readFileSync(path.join(path.dirname(PUBLISHED), "rollout.json"), "utf8")) as { $schema: string };
    expect(example.$schema).toBe("./rollout.schema.json");
  });
});
