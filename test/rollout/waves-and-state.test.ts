import { parseRolloutConfig, waveMatrix } from "../../modules/rollout";
import { selectTargets } from "../../modules/rollout";
import { CONFIG_FILE, configProblems } from "../support/config-problems";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

function target(account: string, region: string, extra: Record<string, unknown> = {}) {
  return { account, region, instances: [{ id: INSTANCE }], ...extra };
}

const WAVES = [
  { name: "canary", maxConcurrency: 1 },
  { name: "broad", maxConcurrency: 3, failureTolerance: 1 },
];
/** Two accounts in two waves; the second Region of account 1 observes the role account 1 owns. */
const TWO_WAVES = {
  waves: WAVES,
  defaults: { wave: "broad" },
  targets: [
    target("111111111111", "us-east-1", { wave: "canary" }),
    target("111111111111", "us-west-2", { role: { mode: "observe" } }),
    target("222222222222", "eu-west-2"),
  ],
};

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
    ["a target names an unknown wave", { ...TWO_WAVES, targets: [target("111111111111", "us-east-1", { wave: "canry" })] }, ['$.targets[0].wave: expected one of the declared waves ("canary", "broad"), got "canry"']],
    ["the defaults name an unknown wave", { ...TWO_WAVES, defaults: { wave: "all" } }, ['$.defaults.wave: expected one of the declared waves ("canary", "broad"), got "all"']],
    [
      "a target in no wave while waves are declared",
      { waves: WAVES, targets: [target("111111111111", "us-east-1", { wave: "canary" }), target("222222222222", "eu-west-2")] },
      ['$.targets[1]: expected a "wave" (one of "canary", "broad"): waves are declared, so every target names its wave'],
    ],
    ["a wave while none are declared", { targets: [target("111111111111", "us-east-1", { wave: "canary" })] }, ['$.targets[0].wave: expected no wave: the config declares no "waves" (add "waves": [{"name": "canary"}])']],
    ["duplicate wave names", { ...TWO_WAVES, waves: [...WAVES, { name: "canary" }] }, ['$.waves[2].name: expected unique wave names, but "canary" is also $.waves[0]']],
    ["maxConcurrency below 1", { ...TWO_WAVES, waves: [{ name: "canary", maxConcurrency: 0 }, WAVES[1]] }, ["$.waves[0].maxConcurrency: expected at least 1 (targets deployed at once)"]],
    ["a fractional maxConcurrency", { ...TWO_WAVES, waves: [{ name: "canary", maxConcurrency: 1.5 }, WAVES[1]] }, ["$.waves[0].maxConcurrency: expected a whole number, got number 1.5"]],
    ["failureTolerance below 0", { ...TWO_WAVES, waves: [WAVES[0], { name: "broad", failureTolerance: -1 }] }, ["$.waves[1].failureTolerance: expected 0 or more (failed targets tolerated before the rollout stops)"]],
    ["an empty waves list", { ...TWO_WAVES, waves: [] }, ["$.waves: expected at least one wave (or omit waves)"]],
    ["a wave name with a space", { ...TWO_WAVES, waves: [{ name: "can ary" }, WAVES[1]] }, ["$.waves[0].name: expected a wave name of 1-64 letters, digits, '.', '_' or '-'"]],
  ])("refuses %s, naming the file, the JSON path and what was expected", (_, config, expected) => {
    expect(configProblems(config)).toEqual(expected);
  });
});

describe("state per target", () => {
  const s3 = (backend: Record<string, unknown>) => ({
    defaults: { backend: { type: "s3", ...backend } },
    targets: [target("111111111111", "us-east-1"), target("111111111111", "us-west-2", { role: { mode: "observe" } }), target("222222222222", "us-east-1")],
  });

  it("keeps each target's state in its own object of one central bucket by default key", () => {
    const backends = parseRolloutConfig(JSON.stringify(s3({ bucket: "central-tfstate", region: "eu-west-1" })), CONFIG_FILE).targets.map((t) => t.backend);
    expect(backends.map((b) => b.type === "s3" && `${b.region} s3://${b.bucket}/${b.key}`)).toEqual([
      "eu-west-1 s3://central-tfstate/connect-campaigns/111111111111/us-east-1/terraform.tfstate",
      "eu-west-1 s3://central-tfstate/connect-campaigns/111111111111/us-west-2/terraform.tfstate",
      "eu-west-1 s3://central-tfstate/connect-campaigns/222222222222/us-east-1/terraform.tfstate",
    ]);
  });

  it("accepts a key without {account} when the bucket is per account", () => {
    expect(() => parseRolloutConfig(JSON.stringify(s3({ bucket: "tfstate-{account}", key: "campaigns/{region}.tfstate" })), CONFIG_FILE)).not.toThrow();
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "a key template without {region}: one account's two Regions share an object",
      { bucket: "tfstate-{account}", key: "campaigns/{account}.tfstate" },
      ["$.targets[1].backend: expected a state object of its own, but s3://tfstate-111111111111/campaigns/111111111111.tfstate is also the state of $.targets[0]: put {account} and {region} in the backend key template"],
    ],
    [
      "a central bucket with a key without {account}: two accounts share an object",
      { bucket: "central-tfstate", key: "campaigns/{region}.tfstate" },
      ["$.targets[2].backend: expected a state object of its own, but s3://central-tfstate/campaigns/us-east-1.tfstate is also the state of $.targets[0]: put {account} and {region} in the backend key template"],
    ],
  ])("refuses %s", (_, backend, expected) => {
    expect(configProblems(s3(backend))).toEqual(expected);
  });
});

describe("Regions", () => {
  it("refuses a Region outside the table, naming the nearest listed one", () => {
    expect(configProblems({ targets: [target("111111111111", "ca-central-2")] })).toEqual([expect.stringContaining('got "ca-central-2" — did you mean "ca-central-1"?')]);
  });

  it("accepts it with allowUnlistedRegion, on the target or from the defaults", () => {
    const fromDefaults = { defaults: { allowUnlistedRegion: true }, targets: [target("111111111111", "eu-west-1")] };
    expect(parseRolloutConfig(JSON.stringify(fromDefaults), CONFIG_FILE).targets[0]).toMatchObject({ region: "eu-west-1", allowUnlistedRegion: true });
  });
});
