import * as fs from "node:fs";
import * as path from "node:path";
import { defaultParallelism } from "../../modules/plan-review";
import { loadRolloutConfig } from "../../modules/rollout";
import { cli } from "../support/cli";
import { scratchDir } from "../support/terraform";
import { scaleRollout, writeConfig } from "./support/scale-rollout";

/** plan-review's command line and inputs: refused before anything is synthesized or planned. */
describe("plan-review usage and bad input", () => {
  const dir = scratchDir("plan-review-usage");
  const config = writeConfig(path.join(dir, "rollout.json"), scaleRollout(2, dir));

  it.each(["0", "abc", "-1", "1.5"])("--parallelism %s is a usage error: exit 64", async (value) => {
    const run = await cli("plan-review", "--config", config, "--parallelism", value);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain(`expected a whole number of at least 1, got "${value}"`);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["--fail-on", "low"],
    ["--stack", "not-a-stack"],
  ])("%s %s is a usage error: exit 64", async (option, value) => {
    expect((await cli("plan-review", "--config", config, option, value)).code).toBe(64);
  });

  it("reports a base config that does not validate like any config error, naming it as the base: exit 1", async () => {
    const base = writeConfig(path.join(dir, "base.json"), { targets: [{ account: "12345", region: "us-east-1" }] });
    const run = await cli("plan-review", "--config", config, "--base-config", base);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^plan-review: the base config \\(--base-config\\) is invalid: ${base}.*targets\\[0\\]\\.account`));
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("reports a base config that is not JSON, naming it as the base: exit 1", async () => {
    const base = path.join(dir, "broken.json");
    fs.writeFileSync(base, "{ not json");
    const run = await cli("plan-review", "--config", config, "--base-config", base);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^plan-review: the base config \(--base-config\) is invalid: .*broken\.json/);
  });

  it("plans as many stacks at once as there are CPUs, at most the wave's maxConcurrency with --wave", () => {
    const rollout = loadRolloutConfig(config);
    expect(defaultParallelism(rollout, undefined, 8)).toBe(8);
    expect(defaultParallelism(rollout, "all", 8)).toBe(4); // the wave's maxConcurrency
    expect(defaultParallelism(rollout, "all", 2)).toBe(2);
  });
});
