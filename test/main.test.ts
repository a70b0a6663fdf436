import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

const ROOT = path.join(__dirname, "..");
/** tsx's loader by path: the scratch directory has no node_modules to resolve "tsx" from. */
const TSX = pathToFileURL(path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

function withoutOutdir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.CDKTF_OUTDIR;
  return copy;
}

/** Runs `main.ts` the way `npm run synth -- <args>` does, in a scratch directory. */
function synth(env: Record<string, string>, args: readonly string[] = []) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
  const result = spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, "main.ts"), ...args], {
    cwd,
    env: { ...withoutOutdir(process.env), ...env },
    encoding: "utf8",
  });
  return { ...result, cwd, stacks: () => fs.readdirSync(path.join(cwd, "cdktf.out", "stacks")).sort() };
}

describe("main.ts", () => {
  it("synthesizes the embedded example when ROLLOUT_CONFIG is not set", () => {
    const run = synth({ ROLLOUT_CONFIG: "" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stacks()).toEqual(["campaigns-111111111111-us-east-1", "campaigns-222222222222-eu-west-2"]);
    const stack = path.join(run.cwd, "cdktf.out", "stacks", "campaigns-111111111111-us-east-1");
    expect(fs.readdirSync(path.join(stack, "assets"), { recursive: true })).toContainEqual(expect.stringMatching(/v1\/campaigns-hook\.cjs$/));
  });

  it("synthesizes only the stacks CAMPAIGNS_STACKS names", () => {
    const run = synth({ CAMPAIGNS_STACKS: "campaigns-222222222222-eu-west-2" });
    expect(run.status).toBe(0);
    expect(run.stacks()).toEqual(["campaigns-222222222222-eu-west-2"]);
  });

  it("synthesizes only the stacks --stack names, and only the wave --wave names", () => {
    expect(synth({}, ["--stack", "campaigns-111111111111-us-east-1"]).stacks()).toEqual(["campaigns-111111111111-us-east-1"]);
    const multiWave = path.join(ROOT, "examples", "multi-account", "rollout.json");
    const canary = synth({}, ["--config", multiWave, "--wave", "canary"]);
    expect(canary.stderr).toBe("");
    expect(canary.stacks()).toEqual(["campaigns-111111111111-us-east-1"]);
  });

  it("refuses a wave the config does not have, naming the waves it has, and writes nothing", () => {
    const run = synth({}, ["--wave", "canary"]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${path.join(ROOT, "examples", "rollout.json")}: no wave "canary"; expected one of "default"`);
    expect(fs.existsSync(path.join(run.cwd, "cdktf.out"))).toBe(false);
  });

  it("exits 64 with the usage for an unknown option", () => {
    const run = synth({}, ["--stacks", "x"]);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain("usage: npm run synth --");
    expect(fs.existsSync(path.join(run.cwd, "cdktf.out"))).toBe(false);
  });

  it("creates a nested --output directory whose parents do not exist yet", () => {
    const run = synth({}, ["--output", path.join("out", "deeper")]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(fs.readdirSync(path.join(run.cwd, "out", "deeper", "stacks")).sort()).toEqual([
      "campaigns-111111111111-us-east-1",
      "campaigns-222222222222-eu-west-2",
    ]);
  });

  it("names the path in one line, without a stack trace, for an --output it cannot create", () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "synth-file-"));
    const file = path.join(cwd, "a-file");
    fs.writeFileSync(file, "");
    const run = synth({}, ["--output", path.join(file, "out")]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${path.join(file, "out")}: cannot mkdir (ENOTDIR)`);
  });

  it("refuses an unknown stack name instead of synthesizing nothing", () => {
    const run = synth({ CAMPAIGNS_STACKS: "campaigns-999999999999-us-east-1" });
    expect(run.status).toBe(1);
    expect(fs.existsSync(path.join(run.cwd, "cdktf.out"))).toBe(false);
    expect(run.stderr).toContain('no stack "campaigns-999999999999-us-east-1"');
    expect(run.stderr).toContain('expected one of "campaigns-111111111111-us-east-1", "campaigns-222222222222-eu-west-2"');
    const typo = synth({}, ["--stack", "campaigns-111111111111-us-east-2"]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('no stack "campaigns-111111111111-us-east-2"; did you mean "campaigns-111111111111-us-east-1"?');
  });

  it("prints one line per problem, exits 1 and writes no stack for an invalid config", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-config-"));
    const file = path.join(dir, "rollout.json");
    fs.writeFileSync(file, JSON.stringify({ targets: [{ account: "12", region: "us-east-1" }, { account: "111111111111", region: "Frankfurt" }] }));
    const run = synth({ ROLLOUT_CONFIG: file });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      `${file}: $.targets[0].account: expected a 12-digit AWS account id, got "12" (2 digits)`,
      `${file}: $.targets[1].region: expected an AWS Region code like us-east-1, got "Frankfurt"`,
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(run.cwd, "cdktf.out"))).toBe(false);
  });

  it("refuses a config that is not UTF-8, naming the byte offset, and writes no stack", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "latin1-config-")), "rollout.json");
    const config = { defaults: { tags: { team: "café" } }, targets: [{ account: "111111111111", region: "us-east-1" }] };
    fs.writeFileSync(file, Buffer.from(JSON.stringify(config), "latin1"));
    const run = synth({ ROLLOUT_CONFIG: file });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${file}: $: expected UTF-8 text, got the byte 0xE9 at byte offset 32 (line 1 column 33), which is not valid UTF-8`);
    expect(fs.existsSync(path.join(run.cwd, "cdktf.out"))).toBe(false);
  });
});
