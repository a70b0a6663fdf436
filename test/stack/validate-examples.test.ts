import * as fs from "node:fs";
import * as path from "node:path";
import { App } from "cdktf";
import { ContactCenterStack } from "../../examples/custom-stack/main";
import { loadRolloutConfig } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import { describeWithTools } from "../support/tiers";
import { scratchDir, terraformCheck } from "../support/terraform";
import { loadedModules, validateStacks } from "../support/validate-stacks";

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

  // Started once for all the tests below: each awaits its own stack's result.
  let run: ReturnType<typeof validateStacks>;
  beforeAll(() => {
    run = validateStacks(stacks.map(([, dir]) => dir));
  });

  it("validates the stacks holding import blocks on their own, every other as a module of one root", async () => {
    const { batch, results } = run;
    expect(batch.alone.length).toBeGreaterThanOrEqual(1);
    expect(batch.moduleKeys.size).toBeGreaterThanOrEqual(5);
    await Promise.all(results.values());
    expect(loadedModules(batch.root)).toEqual([...batch.moduleKeys.values()].sort());
  });

  it.each(stacks)("%s", async (_, dir) => {
    const result = await run.results.get(dir)!;
    expect(result.init.stderr).toBe("");
    expect(result.init.code).toBe(0);
    expect(result.errors).toEqual([]);
  });
});
