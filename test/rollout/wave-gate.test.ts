import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gateWave, loadRolloutConfig } from "../../modules/rollout";
import type { StackResult } from "../../modules/rollout";
// The review tests' in-process CLI runner (captures stdout/stderr, returns the exit code).
import { cli } from "../support/cli";

const CONFIG = path.join(__dirname, "..", "..", "examples", "multi-account", "rollout.json");
/** The example's "broad" wave: four stacks, failureTolerance 1. */
const BROAD = ["campaigns-333333333333-us-east-1", "campaigns-444444444444-ca-central-1", "campaigns-555555555555-ap-southeast-2", "campaigns-666666666666-eu-central-1"];

const results = (outcomes: readonly StackResult["outcome"][]): StackResult[] => outcomes.map((outcome, i) => ({ stack: BROAD[i], outcome }));

describe("gateWave", () => {
  const rollout = loadRolloutConfig(CONFIG);

  it("passes a wave whose failures are within its tolerance", () => {
    expect(gateWave(rollout, "broad", results(["success", "failure", "success", "success"]))).toMatchObject({ pass: true, failed: [BROAD[1]], missing: [] });
  });

  it("stops at one failure more than the tolerance", () => {
    expect(gateWave(rollout, "broad", results(["success", "failure", "cancelled", "success"]))).toMatchObject({ pass: false, failed: [BROAD[1], BROAD[2]] });
  });

  it("counts a stack without a result as failed (its job died before reporting)", () => {
    expect(gateWave(rollout, "broad", results(["success", "success", "failure"]))).toMatchObject({ pass: false, failed: [BROAD[2]], missing: [BROAD[3]] });
  });

  it("ignores, and lists, results of stacks outside the wave", () => {
    const verdict = gateWave(rollout, "canary", [...results(["failure"]), { stack: "campaigns-111111111111-us-east-1", outcome: "success" }]);
    expect(verdict).toMatchObject({ pass: true, succeeded: ["campaigns-111111111111-us-east-1"], foreign: [BROAD[0]] });
  });

  it.each([
    ["failure", "success"],
    ["success", "failure"],
  ] as const)("counts a stack with two results (%s, then %s) as failed, and lists both: a later success never hides a failure", (first, second) => {
    const verdict = gateWave(rollout, "canary", [
      { stack: "campaigns-111111111111-us-east-1", outcome: first },
      { stack: "campaigns-111111111111-us-east-1", outcome: second },
    ]);
    expect(verdict).toMatchObject({ pass: false, succeeded: [], failed: ["campaigns-111111111111-us-east-1"], missing: [] });
    expect(verdict.repeated).toEqual([{ stack: "campaigns-111111111111-us-east-1", outcomes: [first, second] }]);
  });

  it("counts a stack whose every result is a success as succeeded, still listing it as repeated", () => {
    const ok = { stack: "campaigns-111111111111-us-east-1", outcome: "success" } as const;
    expect(gateWave(rollout, "canary", [ok, ok])).toMatchObject({ pass: true, succeeded: [ok.stack], failed: [], repeated: [{ stack: ok.stack, outcomes: ["success", "success"] }] });
  });
});

describe("connect-campaigns-iac gate", () => {
  function resultsDir(outcomes: readonly StackResult["outcome"][]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-"));
    // As download-artifact with merge-multiple: false leaves them, one folder per artifact.
    results(outcomes).forEach((result) => {
      fs.mkdirSync(path.join(dir, `result-${result.stack}`));
      fs.writeFileSync(path.join(dir, `result-${result.stack}`, "result.json"), JSON.stringify(result));
    });
    return dir;
  }

  it("exits 0 and says the next wave may start when failures are within tolerance", async () => {
    const run = await cli("gate", "--config", CONFIG, "--wave", "broad", "--results", resultsDir(["success", "failure", "success", "success"]));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("wave broad: 3 succeeded, 1 failed, 0 without a result; tolerance 1");
    expect(run.stdout).toContain("PASS: 1 <= 1, the next wave may start");
  });

  it("exits 2 and names the failed and unreported stacks when failures exceed tolerance", async () => {
    const run = await cli("gate", "--config", CONFIG, "--wave", "broad", "--results", resultsDir(["success", "failure"]));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`  failed:    ${BROAD[1]}`);
    expect(run.stdout).toContain(`  no result: ${BROAD[3]} (counted as failed)`);
    expect(run.stdout).toContain("STOP: 3 > 1, the rollout stops here");
  });

  it("prints the verdict as JSON with --json", async () => {
    const run = await cli("gate", "--config", CONFIG, "--wave", "canary", "--results", resultsDir([]), "--json");
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ wave: "canary", failureTolerance: 0, succeeded: [], failed: [], missing: ["campaigns-111111111111-us-east-1"], foreign: [], repeated: [], pass: false });
  });

  it("exits 1 (bad input, not a verdict) naming a --results folder that does not exist", async () => {
    const missing = path.join(os.tmpdir(), "gate-no-such-folder");
    const run = await cli("gate", "--config", CONFIG, "--wave", "canary", "--results", missing);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toBe(
      `${missing}: expected a folder of result files (--results), got no such folder; if no job of the wave uploaded a result, pass an empty folder (every stack then counts as without a result)\n`,
    );
  });

  it("names a stack with two results and counts its failure", async () => {
    const dir = resultsDir(["success"]);
    fs.writeFileSync(path.join(dir, "rerun.json"), JSON.stringify({ stack: BROAD[0], outcome: "failure" }));
    const run = await cli("gate", "--config", CONFIG, "--wave", "broad", "--results", dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`  repeated:  ${BROAD[0]} (2 results: failure, success; any that is not success counts: failed)`);
    expect(run.stdout).toContain("wave broad: 0 succeeded, 1 failed, 3 without a result; tolerance 1");
  });

  it("exits 1 naming the file for a result it cannot read, and for an unknown wave", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-bad-"));
    fs.writeFileSync(path.join(dir, "r.json"), JSON.stringify({ stack: BROAD[0], outcome: "ok" }));
    const bad = await cli("gate", "--config", CONFIG, "--wave", "broad", "--results", dir);
    expect(bad).toMatchObject({ code: 1, stdout: "" });
    expect(bad.stderr).toBe(`${path.join(dir, "r.json")}: expected {"stack": "<stack id>", "outcome": "success" | "failure" | "cancelled" | "skipped"}\n`);
    const file = await cli("gate", "--config", CONFIG, "--wave", "broad", "--results", path.join(dir, "r.json"));
    expect(file).toMatchObject({ code: 1, stdout: "", stderr: `${path.join(dir, "r.json")}: expected a folder of result files (--results), got a file\n` });
    const unknown = await cli("gate", "--config", CONFIG, "--wave", "prod", "--results", dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`${CONFIG}: no wave "prod"; expected one of "canary", "early", "broad"\n`);
  });
});
