import * as fs from "node:fs";
import * as path from "node:path";
import { App } from "cdktf";
import { ContactCenterStack } from "../../examples/custom-stack/main";
import { loadRolloutConfig } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import { describeWithTools } from "../support/tiers";
import { scratchDir, terraform, terraformCheck } from "../support/terraform";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

/** Every rollout config under examples/, so a new example is validated without touching this test. */
function exampleConfigs(): string[] {
  return (fs.readdirSync(EXAMPLES, { recursive: true }) as string[])
    .filter((file) => /(^|\/)rollout[\w.-]*\.json$/.test(file) && !file.endsWith(".schema.json"))
    .map((file) => path.join(EXAMPLES, file))
    .sort();
}

describeWithTools("terraform validate of every example stack", terraformCheck, () => {
  const outdir = scratchDir("examples-synth");
  const stacks: [string, string][] = [];
  for (const config of exampleConfigs()) {
    const app = buildApp(loadRolloutConfig(config), {}, path.join(outdir, path.relative(EXAMPLES, config).replaceAll("/", "_")));
    app.synth();
    for (const stack of fs.readdirSync(path.join(app.outdir, "stacks"))) {
      stacks.push([`${path.relative(EXAMPLES, config)} ${stack}`, path.join(app.outdir, "stacks", stack)]);
    }
  }

  // The library example: the constructs in a stack of one's own.
  const custom = new App({ outdir: path.join(outdir, "custom-stack") });
  new ContactCenterStack(custom, "contact-center");
  custom.synth();
  stacks.push(["custom-stack/main.ts contact-center", path.join(custom.outdir, "stacks", "contact-center")]);

  it("finds the examples", () => {
    expect(exampleConfigs().length).toBeGreaterThanOrEqual(2);
    expect(stacks.length).toBeGreaterThanOrEqual(5);
  });

  // -backend=false: S3 backends would reach AWS at init; validate needs only the providers.
  it.each(stacks)("%s", async (_, dir) => {
    const init = await terraform(dir, ["init", "-backend=false", "-input=false"]);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    const validate = await terraform(dir, ["validate", "-json"]);
    const report = JSON.parse(validate.stdout) as { valid: boolean; error_count: number; diagnostics: unknown[] };
    expect(report).toMatchObject({ valid: true, error_count: 0 });
  });
});
