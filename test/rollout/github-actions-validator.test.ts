import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * Every workflow of examples/github-actions passes action-validator (`@action-validator/cli`,
 * GitHub's workflow schema from SchemaStore, compiled in: it runs offline).
 */

const DIR = path.join(__dirname, "..", "..", "examples", "github-actions");
const VALIDATOR = require.resolve("@action-validator/cli/cli.mjs");
const FILES = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();

function validate(file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [VALIDATOR, file], { encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe("action-validator", () => {
  it.each(FILES)("accepts %s", async (file) => {
    expect(await validate(path.join(DIR, file))).toEqual({ code: 0, output: "" });
  });

  it("refuses a workflow GitHub would refuse (so that the check can fail)", async () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "action-validator-")), "bad.yml");
    fs.writeFileSync(bad, "name: bad\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n");
    const result = await validate(bad);
    expect(result.code).toBe(1);
    expect(result.output).toContain("Additional property 'stepz' is not allowed");
  });
});
