import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { StepPlanEntry } from "../../modules/rollout";
import { runBin } from "../support/bin";

/**
 * The role is global to its account: `waves` deploys an account's role owner before the
 * account's other targets and, with `--destroy`, destroys it after them. Through the real CLI.
 */

const OBSERVE = { mode: "observe" };
const ADOPTED = "arn:aws:iam::555555555555:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns_payments";

/** Several multi-Region accounts in one default wave, their owners anywhere in the list. */
const ONE_WAVE = {
  defaults: { role: OBSERVE },
  targets: [
    { account: "111111111111", region: "us-west-2" },
    { account: "222222222222", region: "eu-west-2" },
    { account: "111111111111", region: "us-east-1", role: { mode: "create" } },
    { account: "333333333333", region: "ca-central-1", role: { mode: "create" } },
    { account: "111111111111", region: "ap-southeast-2" },
    { account: "555555555555", region: "us-east-1", role: { mode: "observe", arn: ADOPTED } },
    { account: "222222222222", region: "eu-central-1", role: { mode: "create", customSuffix: "eu" } },
    { account: "555555555555", region: "us-west-2", role: { mode: "adopt", arn: ADOPTED } },
    // An account whose role is made outside this config: nothing to order.
    { account: "444444444444", region: "us-east-1" },
    { account: "444444444444", region: "us-west-2" },
  ],
};
const OWNERS = ["campaigns-111111111111-us-east-1", "campaigns-333333333333-ca-central-1", "campaigns-222222222222-eu-central-1", "campaigns-555555555555-us-west-2"];

function writeConfig(config: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "account-order-")), "rollout.json");
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}


async function plan(file: string, ...flags: string[]): Promise<StepPlanEntry[]> {
  const run = await runBin(["waves", "--config", file, "--json", ...flags]);
  expect(run).toMatchObject({ code: 0, stderr: "" });
  const document = JSON.parse(run.stdout) as { config: string; waves: StepPlanEntry[] };
  expect(Object.keys(document)).toEqual(["config", "waves"]);
  return document.waves;
}

/** The step (its order) each stack runs in. */
const stepOf = (waves: readonly StepPlanEntry[]) => new Map(waves.flatMap((w) => w.stacks.map((s) => [s, w.order] as const)));
const account = (stack: string) => stack.split("-")[1];

describe("waves --json for several multi-Region accounts in one default wave", () => {
  const file = writeConfig(ONE_WAVE);
  const stacks = ONE_WAVE.targets.map((t) => `campaigns-${t.account}-${t.region}`);

  it("keeps the shape of waves --json, one entry per step, numbered in order, every stack once", async () => {
    for (const flags of [[], ["--destroy"]]) {
      const waves = await plan(file, ...flags);
      for (const w of waves) expect(Object.keys(w)).toEqual(["order", "wave", "targets", "maxConcurrency", "failureTolerance", "stacks"]);
      expect(waves.map((w) => w.order)).toEqual(waves.map((_, i) => i + 1));
      expect(waves.flatMap((w) => w.stacks).sort()).toEqual([...stacks].sort());
      for (const w of waves) expect(w).toMatchObject({ targets: w.stacks.length, maxConcurrency: 1, failureTolerance: 0 });
    }
  });

  it("deploys every account's role owner strictly before the account's other targets", async () => {
    const waves = await plan(file);
    expect(waves.map((w) => [w.wave, w.stacks])).toEqual([
      ["default#owners", OWNERS],
      ["default#observers", stacks.filter((s) => !OWNERS.includes(s))],
    ]);
    const step = stepOf(waves);
    for (const owner of OWNERS) {
      for (const other of stacks.filter((s) => s !== owner && account(s) === account(owner))) expect(step.get(owner)!).toBeLessThan(step.get(other)!);
    }
  });

  it("with --destroy, destroys every account's role owner strictly after the account's other targets", async () => {
    const waves = await plan(file, "--destroy");
    expect(waves.map((w) => w.wave)).toEqual(["default#observers", "default#owners"]);
    const step = stepOf(waves);
    for (const owner of OWNERS) {
      for (const other of stacks.filter((s) => s !== owner && account(s) === account(owner))) expect(step.get(owner)!).toBeGreaterThan(step.get(other)!);
    }
  });

  it("leaves a wave whole (under its own name) when it holds no owner together with a target using its role", async () => {
    const single = writeConfig({ targets: [{ account: "111111111111", region: "us-east-1" }, { account: "222222222222", region: "eu-west-2" }] });
    const waves = await plan(single, "--destroy");
    expect(waves.map((w) => [w.order, w.wave, w.stacks.length])).toEqual([[1, "default", 2]]);
  });

  it("prints the steps as a table that says the order", async () => {
    const run = await runBin(["waves", "--config", file, "--destroy"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      `${file}: 10 target(s) in 1 wave(s) split into 2 steps (a role owner after its account's other targets), destroyed in this order; a step starts when the one before failed no more than its tolerance`,
    );
    expect(lines.slice(4).map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ["1", "default#observers", "6"],
      ["2", "default#owners", "4"],
    ]);
  });
});

describe("waves with explicit waves", () => {
  const file = writeConfig({
    defaults: { role: OBSERVE },
    waves: [{ name: "canary" }, { name: "early", maxConcurrency: 2 }, { name: "broad", maxConcurrency: 4, failureTolerance: 1 }],
    targets: [
      { account: "111111111111", region: "us-east-1", wave: "canary", role: { mode: "create" } },
      { account: "111111111111", region: "us-west-2", wave: "canary" },
      { account: "111111111111", region: "eu-west-2", wave: "early" },
      { account: "222222222222", region: "eu-west-2", wave: "broad" },
      { account: "222222222222", region: "eu-central-1", wave: "broad", role: { mode: "create" } },
      { account: "111111111111", region: "ca-central-1", wave: "broad" },
    ],
  });
  const DEPLOY: [string, string[], number, number][] = [
    ["canary#owners", ["campaigns-111111111111-us-east-1"], 1, 0],
    ["canary#observers", ["campaigns-111111111111-us-west-2"], 1, 0],
    ["early", ["campaigns-111111111111-eu-west-2"], 2, 0],
    ["broad#owners", ["campaigns-222222222222-eu-central-1"], 4, 1],
    ["broad#observers", ["campaigns-222222222222-eu-west-2", "campaigns-111111111111-ca-central-1"], 4, 1],
  ];

  it("splits the waves that hold an owner and its observers, each step with its wave's concurrency and tolerance", async () => {
    const waves = await plan(file);
    expect(waves.map((w) => [w.wave, w.stacks, w.maxConcurrency, w.failureTolerance])).toEqual(DEPLOY);
  });

  it("with --destroy, runs the steps in reverse: waves last to first, observers before owners", async () => {
    const waves = await plan(file, "--destroy");
    expect(waves.map((w) => [w.wave, w.stacks, w.maxConcurrency, w.failureTolerance])).toEqual([...DEPLOY].reverse());
  });

  it("gives each step its matrix, the same stacks with or without --destroy", async () => {
    for (const flags of [[], ["--destroy"]]) {
      const run = await runBin(["matrix", "--config", file, "--wave", "broad#observers", ...flags]);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(JSON.parse(run.stdout)).toEqual({
        wave: "broad#observers",
        matrix: {
          include: [
            { stack: "campaigns-222222222222-eu-west-2", account: "222222222222", region: "eu-west-2", wave: "broad#observers" },
            { stack: "campaigns-111111111111-ca-central-1", account: "111111111111", region: "ca-central-1", wave: "broad#observers" },
          ],
        },
        "max-parallel": 4,
        "failure-tolerance": 1,
      });
    }
    const whole = await runBin(["matrix", "--config", file, "--wave", "early", "--destroy"]);
    expect(JSON.parse(whole.stdout).matrix.include.map((e: { stack: string }) => e.stack)).toEqual(["campaigns-111111111111-eu-west-2"]);
  });

  it("refuses the name of a split wave in matrix --destroy, listing its steps in destroy order", async () => {
    const run = await runBin(["matrix", "--config", file, "--wave", "broad", "--destroy"]);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toBe(
      `${file}: wave "broad" holds a role owner and targets that use its role, so it runs in 2 steps, in this order (destroy): "broad#observers", "broad#owners"; name one of them\n`,
    );
  });

  it("refuses an unknown step, naming every step there is", async () => {
    const run = await runBin(["matrix", "--config", file, "--wave", "canary#observers", "--destroy"]);
    expect(run.code).toBe(0);
    const unknown = await runBin(["matrix", "--config", file, "--wave", "early#owners"]);
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toBe(`${file}: no wave "early#owners"; expected one of ${DEPLOY.map(([name]) => `"${name}"`).join(", ")}\n`);
    const usage = await runBin(["matrix", "--config", file, "--wave", "broad#first"]);
    expect(usage.code).toBe(64);
  });

  it("gates a step on its own stacks' results", async () => {
    const results = fs.mkdtempSync(path.join(os.tmpdir(), "account-order-results-"));
    fs.writeFileSync(path.join(results, "a.json"), JSON.stringify({ stack: "campaigns-222222222222-eu-central-1", outcome: "success" }));
    const pass = await runBin(["gate", "--config", file, "--wave", "broad#owners", "--results", results, "--json"]);
    expect(pass.code).toBe(0);
    expect(JSON.parse(pass.stdout)).toMatchObject({ wave: "broad#owners", succeeded: ["campaigns-222222222222-eu-central-1"], missing: [], pass: true });
    const stop = await runBin(["gate", "--config", file, "--wave", "broad#observers", "--results", results, "--json"]);
    // Tolerance 1, two stacks without a result.
    expect(stop.code).toBe(2);
    expect(JSON.parse(stop.stdout)).toMatchObject({ wave: "broad#observers", missing: ["campaigns-222222222222-eu-west-2", "campaigns-111111111111-ca-central-1"], foreign: ["campaigns-222222222222-eu-central-1"] });
  });
});

describe("waves refuses a config that breaks the account's order, naming file, path and what was expected", () => {
  it("an observer in an earlier wave than its role owner", async () => {
    const file = writeConfig({
      waves: [{ name: "canary" }, { name: "broad" }],
      targets: [
        { account: "111111111111", region: "us-east-1", wave: "broad" },
        { account: "111111111111", region: "us-west-2", wave: "canary", role: OBSERVE },
      ],
    });
    for (const flags of [[], ["--destroy"]]) {
      const run = await runBin(["waves", "--config", file, ...flags]);
      expect(run).toMatchObject({ code: 1, stdout: "" });
      expect(run.stderr).toBe(
        `${file}: $.targets[1].wave: expected the wave of its role's owner ("broad") or a later one: in account 111111111111, ` +
          `$.targets[1] (us-west-2) in wave "canary" uses the role AWSServiceRoleForConnectCampaigns that $.targets[0] (us-east-1) in wave "broad" creates or adopts ` +
          `(its plan would fail before the role exists, and a destroy in reverse order would delete the role first); move it to wave "broad" or later\n`,
      );
    }
  });

  it("a retired role owner while targets of its account still use the role", async () => {
    const file = writeConfig({
      defaults: { role: OBSERVE },
      targets: [
        { account: "111111111111", region: "us-east-1", role: { mode: "create" }, retired: true },
        { account: "111111111111", region: "us-west-2" },
        { account: "111111111111", region: "eu-west-2", retired: true },
        { account: "111111111111", region: "ca-central-1" },
      ],
    });
    const run = await runBin(["matrix", "--config", file, "--wave", "default#owners", "--destroy"]);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toBe(
      `${file}: $.targets[0].retired: expected every target that uses its role to be retired too: in account 111111111111, retiring $.targets[0] (us-east-1) deletes the role AWSServiceRoleForConnectCampaigns, ` +
        `which $.targets[1] (us-west-2), $.targets[3] (ca-central-1) still use; retire them as well ("retired": true), or keep this target\n`,
    );
  });
});
