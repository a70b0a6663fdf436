import { parseRolloutConfig, waveMatrix } from "../../modules/rollout";
import { selectTargets } from "../../modules/rollout";
import { CONFIG_FILE, configProblems } from "../support/config-problems";
import { TWO_WAVES, WAVES } from "../support/wave-configs";

describe("waves", () => {
  const rollout = parseRolloutConfig(JSON.stringify(TWO_WAVES), CONFIG_FILE);

  it("resolves the waves in declared order, with their targets, concurrency and tolerance (defaults 1 and 0)", () => {
    expect(rollout.waves).toEqual([
      { name: "canary", maxConcurrency: 1, failureTolerance: 0, stackIds: ["campaigns-111111111111-us-east-1"] },
      { name: "broad", maxConcurrency: 3, failureTolerance: 1, stackIds: ["campaigns-111111111111-us-west-2", "campaigns-222222222222-eu-west-2"] },
    ]);
  });

  it("gives a wave as a GitHub Actions matrix with its max-parallel and failure tolerance", () => {
    expect(waveMatrix(rollout, "broad")).toEqual({
      wave: "broad",
      matrix: {
        include: [
          { stack: "campaigns-111111111111-us-west-2", account: "111111111111", region: "us-west-2", wave: "broad" },
          { stack: "campaigns-222222222222-eu-west-2", account: "222222222222", region: "eu-west-2", wave: "broad" },
        ],
      },
      "max-parallel": 3,
      "failure-tolerance": 1,
    });
  });

  it("selects a wave's stacks, and refuses a wave the config lacks, naming the ones it has", () => {
    expect(selectTargets(rollout, { wave: "canary" }).map((t) => t.stackId)).toEqual(["campaigns-111111111111-us-east-1"]);
    const unknown = `${CONFIG_FILE}: no wave "prod"; expected one of "canary", "broad"`;
    expect(() => selectTargets(rollout, { wave: "prod" })).toThrow(unknown);
    expect(() => waveMatrix(rollout, "prod")).toThrow(unknown);
  });

  it.each<[string, unknown, string[]]>([
    ["maxConcurrency below 1", { ...TWO_WAVES, waves: [{ name: "canary", maxConcurrency: 0 }, WAVES[1]] }, ["$.waves[0].maxConcurrency: expected at least 1 (targets deployed at once)"]],
    ["a fractional maxConcurrency", { ...TWO_WAVES, waves: [{ name: "canary", maxConcurrency: 1.5 }, WAVES[1]] }, ["$.waves[0].maxConcurrency: expected a whole number, got number 1.5"]],
    ["failureTolerance below 0", { ...TWO_WAVES, waves: [WAVES[0], { name: "broad", failureTolerance: -1 }] }, ["$.waves[1].failureTolerance: expected 0 or more (failed targets tolerated before the rollout stops)"]],
    ["an empty waves list", { ...TWO_WAVES, waves: [] }, ["$.waves: expected at least one wave (or omit waves)"]],
    ["a wave name with a space", { ...TWO_WAVES, waves: [{ name: "can ary" }, WAVES[1]] }, ["$.waves[0].name: expected a wave name of 1-64 letters, digits, '.', '_' or '-'"]],
  ])("refuses %s, naming the file, the JSON path and what was expected", (_, config, expected) => {
    expect(configProblems(config)).toEqual(expected);
  });
});
