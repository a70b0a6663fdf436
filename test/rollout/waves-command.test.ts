import * as path from "node:path";
import { cli } from "../support/cli";

const CONFIG = path.join(__dirname, "..", "..", "examples", "multi-account", "rollout.json");

describe("connect-campaigns-iac waves / matrix", () => {
  it("prints the wave plan as a table, in deployment order, each wave's stacks previewed on one line", async () => {
    const run = await cli("waves", "--config", CONFIG);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(`${CONFIG}: 7 target(s) in 3 wave(s), deployed in this order; a wave starts when the one before failed no more than its tolerance`);
    expect(lines[2].split(/\s{2,}/)).toEqual(["#", "wave", "targets", "concurrency", "tolerance", "stacks"]);
    expect(lines.slice(4).map((l) => l.split(/\s{2,}/).slice(0, 5))).toEqual([
      ["1", "canary", "1", "1", "0"],
      ["2", "early", "2", "2", "0"],
      ["3", "broad", "4", "4", "1"],
    ]);
    expect(lines[6]).toContain("campaigns-444444444444-ca-central-1, … (+2 more)");
  });

  it("prints every wave's stacks with --json", async () => {
    const run = await cli("waves", "--config", CONFIG, "--json");
    const plan = JSON.parse(run.stdout) as { waves: { wave: string; stacks: string[] }[] };
    expect(plan.waves.map((w) => [w.wave, w.stacks.length])).toEqual([["canary", 1], ["early", 2], ["broad", 4]]);
  });

  it("prints a wave's matrix in the shape strategy.matrix.include takes, with max-parallel and failure-tolerance", async () => {
    const run = await cli("matrix", "--config", CONFIG, "--wave", "canary");
    expect(JSON.parse(run.stdout)).toEqual({
      wave: "canary",
      matrix: { include: [{ stack: "campaigns-111111111111-us-east-1", account: "111111111111", region: "us-east-1", wave: "canary" }] },
      "max-parallel": 1,
      "failure-tolerance": 0,
    });
  });

  it("exits 1 naming the waves there are for an unknown --wave", async () => {
    const run = await cli("matrix", "--config", CONFIG, "--wave", "prod");
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toBe(`${CONFIG}: no wave "prod"; expected one of "canary", "early", "broad"\n`);
  });
});
