import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { terraformCheck } from "../support/terraform";
import { describeWithTools } from "../support/tiers";

/**
 * What a newcomer tried from the README, run as they ran it: the real `bin/connect-campaigns-iac.js`
 * (and `main.ts`, which `npm run synth` and `npx cdktf synth` run) in a child process, with the
 * environment passed to it, in a scratch directory.
 */
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "connect-campaigns-iac.js");
const MULTI = path.join(ROOT, "examples", "multi-account", "rollout.json");
/** tsx's loader by path: the scratch directory has no node_modules to resolve "tsx" from. */
const TSX = pathToFileURL(path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly cwd: string;
}

/** The environment without the variables the shared options read, so the caller's shell cannot leak in. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const copy: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["ROLLOUT_CONFIG", "CAMPAIGNS_STACKS", "CAMPAIGNS_WAVE", "CDKTF_OUTDIR"]) delete copy[name];
  return { ...copy, ...env };
}

function scratch(prefix = "newcomer-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function bin(args: readonly string[], env: Record<string, string> = {}, cwd = scratch()): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env), encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, cwd };
}

function mainTs(args: readonly string[], env: Record<string, string> = {}, cwd = scratch()): Run {
  const result = spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, "main.ts"), ...args], { cwd, env: cleanEnv(env), encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, cwd };
}

function writeConfig(text: string, dir = scratch()): string {
  const file = path.join(dir, "rollout.json");
  fs.writeFileSync(file, text);
  return file;
}

const target = (fields: Record<string, unknown> = {}) => ({ account: "111111111111", region: "us-east-1", ...fields });

/** The first ```json block of the README's "The rollout config" section, as a reader copies it. */
function readmeConfigExample(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## The rollout config"));
  const block = /```(\w*)\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("no code block in the README's config section");
  expect(block[1]).toBe("json");
  return block[2];
}

describe("validate", () => {
  it("says a config is valid, with its targets and waves, and writes nothing", () => {
    const run = bin(["validate", "--config", MULTI]);
    expect(run).toMatchObject({ code: 0, stderr: "", stdout: `${MULTI}: valid: 7 targets in 3 waves\n` });
    expect(fs.readdirSync(run.cwd)).toEqual([]);
  });

  it("prints every problem (file, JSON path, expected) and exits 1; with --json also {valid: false, problems}", () => {
    const file = writeConfig(JSON.stringify({ targets: [target({ account: "12" }), target({ region: "Frankfurt" })] }));
    const run = bin(["validate", "--config", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      `${file}: $.targets[0].account: expected a 12-digit AWS account id, got "12" (2 digits)`,
      `${file}: $.targets[1].region: expected an AWS Region code like us-east-1, got "Frankfurt"`,
    ]);
    const json = bin(["validate", "--config", file, "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, file, problems: [{ path: "$.targets[0].account" }, { path: "$.targets[1].region" }] });
  });

  it("prints {valid: true, file, targets, waves} with --json", () => {
    expect(JSON.parse(bin(["validate", "--config", MULTI, "--json"]).stdout)).toEqual({ valid: true, file: MULTI, targets: 7, waves: 3, retired: 0 });
  });

  it("reads ROLLOUT_CONFIG, and without a config at all is a usage error (64)", () => {
    expect(bin(["validate"], { ROLLOUT_CONFIG: MULTI }).stdout).toBe(`${MULTI}: valid: 7 targets in 3 waves\n`);
    const none = bin(["validate"], { ROLLOUT_CONFIG: "" });
    expect(none).toMatchObject({ code: 64, stdout: "" });
    expect(none.stderr).toMatch(/^error: required option '-c, --config <file>' not specified/);
  });
});

describe("the README's config example", () => {
  it("is plain JSON that validates when pasted into a file", () => {
    const file = writeConfig(readmeConfigExample());
    expect(bin(["validate", "--config", file])).toMatchObject({ code: 0, stdout: `${file}: valid: 1 target in 1 wave\n` });
  });

  it.each([
    ["a // comment", (text: string) => text.replace('"defaults": {', '"defaults": { // any target setting')],
    ["a /* comment */", (text: string) => text.replace('"waves":', '/* optional */ "waves":')],
  ])("with %s added, is refused with a message that says comments are not JSON", (_, edit) => {
    const file = writeConfig(edit(readmeConfigExample()));
    const run = bin(["validate", "--config", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\$: expected valid JSON at line \\d+ column \\d+: .*; comments \\(// or /\\* \\*/\\) are not JSON: remove them\\n$`));
  });
});

describe("typos a newcomer made, and what they are told", () => {
  it("a Region without its dash gets what it got and the Region meant", () => {
    const file = writeConfig(JSON.stringify({ targets: [target({ region: "ap-southeast2" })] }));
    expect(bin(["validate", "--config", file]).stderr).toBe(`${file}: $.targets[0].region: expected an AWS Region code like us-east-1, got "ap-southeast2" — did you mean "ap-southeast-2"?\n`);
  });

  it("an 11-digit account gets what it got, and how many digits", () => {
    const file = writeConfig(JSON.stringify({ targets: [target({ account: "11111111111" })] }));
    expect(bin(["validate", "--config", file]).stderr).toBe(`${file}: $.targets[0].account: expected a 12-digit AWS account id, got "11111111111" (11 digits)\n`);
  });

  it("the schema says the role's tags go on the role only, and the target's tags on every resource", () => {
    const schema = JSON.parse(bin(["schema"]).stdout);
    const createRole = schema.properties.targets.items.properties.role.oneOf.find((o: { properties: { mode: { const: string } } }) => o.properties.mode.const === "create");
    expect(createRole.properties.tags.description).toMatch(/^Tags of the campaigns role only/);
    expect(schema.properties.targets.items.properties.tags.description).toMatch(/^Tags for every resource of the stack/);
    expect(fs.readFileSync(path.join(ROOT, "examples", "rollout.schema.json"), "utf8")).toBe(bin(["schema"]).stdout);
  });
});

describe("synth says what it wrote", () => {
  it("as npm run synth runs it (main.ts): N stacks and where, on stdout; nothing on stderr", () => {
    const run = mainTs([]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      `${path.join(ROOT, "examples", "rollout.json")}: wrote 2 stack(s) to ${path.join("cdktf.out", "stacks")}: campaigns-111111111111-us-east-1, campaigns-222222222222-eu-west-2\n`,
    );
  });

  it("as a subcommand of the CLI, with the same flags and variables; --json for machines", () => {
    const run = bin(["synth", "--config", MULTI, "--wave", "early", "--output", "out", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ config: MULTI, outdir: "out", stacks: ["campaigns-111111111111-us-west-2", "campaigns-222222222222-eu-west-2"], kept: [] });
    expect(fs.readdirSync(path.join(run.cwd, "out", "stacks")).sort()).toEqual(["campaigns-111111111111-us-west-2", "campaigns-222222222222-eu-west-2"]);
    const fromEnv = bin(["synth"], { ROLLOUT_CONFIG: MULTI, CAMPAIGNS_WAVE: "canary" });
    expect(fromEnv.stdout).toBe(`${MULTI}: wrote 1 stack(s) to ${path.join("cdktf.out", "stacks")}: campaigns-111111111111-us-east-1\n`);
  });

  it("--help prints the usage and exits 0, through npm run synth too, and writes nothing", () => {
    const run = mainTs(["--help"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Usage: connect-campaigns-iac synth \[options\]/);
    expect(run.stdout).toContain("ROLLOUT_CONFIG=<file> CAMPAIGNS_STACKS=<id,id> CAMPAIGNS_WAVE=<name> npx cdktf synth");
    expect(run.stdout).toMatch(/--config <file>[\s\S]*env: ROLLOUT_CONFIG\)/);
    expect(fs.existsSync(path.join(run.cwd, "cdktf.out"))).toBe(false);
    const npm = spawnSync("npm", ["run", "--silent", "synth", "--", "--help"], { cwd: ROOT, env: cleanEnv({}), encoding: "utf8" });
    expect(npm.status).toBe(0);
    expect(npm.stdout).toMatch(/^Usage: connect-campaigns-iac synth \[options\]/);
  });
});

describe("ROLLOUT_CONFIG is honoured by every command that reads a config", () => {
  it.each<[string, string[], (run: Run) => void]>([
    ["waves", ["waves"], (run) => expect(run.stdout).toContain(`${MULTI}: 7 target(s) in 3 wave(s)`)],
    ["matrix", ["matrix", "--wave", "canary"], (run) => expect(JSON.parse(run.stdout)).toMatchObject({ wave: "canary", "max-parallel": 1 })],
    ["gate", ["gate", "--wave", "canary", "--results", "."], (run) => expect(run.stdout).toContain("wave canary: 0 succeeded, 0 failed, 1 without a result")],
    // A stack the config lacks: the refusal names the config read from the variable (no AWS call).
    ["cleanup", ["cleanup", "--stack", "campaigns-999999999999-us-east-1", "--dry-run"], (run) => expect(run.stderr).toContain(`${MULTI}: no stack "campaigns-999999999999-us-east-1"`)],
  ])("%s", (_, args, check) => {
    const run = bin(args, { ROLLOUT_CONFIG: MULTI });
    expect(run.stderr).not.toMatch(/required option/);
    check(run);
  });

  it("a flag wins over the variable", () => {
    const file = writeConfig(JSON.stringify({ targets: [target()] }));
    expect(bin(["waves", "--config", file], { ROLLOUT_CONFIG: MULTI }).stdout).toContain(`${file}: 1 target(s) in 1 wave(s)`);
  });
});

describe("gate --results", () => {
  it("naming a folder that does not exist is bad input (exit 1), not a stopped rollout (2)", () => {
    const missing = path.join(scratch(), "resutls");
    const run = bin(["gate", "--config", MULTI, "--wave", "canary", "--results", missing]);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toMatch(new RegExp(`^${missing}: expected a folder of result files \\(--results\\), got no such folder`));
  });
});

describe("review of a tag-only change", () => {
  it("does not list the outputs that are only re-read at apply as changes", () => {
    const plan = path.join(ROOT, "test", "review", "fixtures", "role-description.json");
    const run = bin(["review", plan]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("changes the campaigns role's description and tags");
    expect(run.stdout).not.toContain("**Outputs:**");
    expect(JSON.parse(bin(["review", plan, "--json"]).stdout).stacks[0]).toMatchObject({ outputs: [], rereadOutputs: ["campaigns_role_arns", "role_arn", "role_unique_id"] });
  });
});

describeWithTools("plan-review with nothing changed (terraform on PATH; nothing is planned)", terraformCheck, () => {
  it("names the unchanged stacks in review.md, in a folded list", () => {
    const run = bin(["plan-review", "--config", MULTI, "--base-config", MULTI]);
    expect(run.code).toBe(0);
    const review = fs.readFileSync(path.join(run.cwd, "cdktf.out", "review.md"), "utf8");
    expect(review).toContain("0 planned, 7 unchanged, not planned, 0 removed.");
    expect(review).toContain("<details><summary>7 unchanged stacks, not planned</summary>");
    expect(review).toContain("- `campaigns-111111111111-us-east-1`");
  });
});

describe("synth's shared selection options", () => {
  const stacksOf = (run: Run) => JSON.parse(run.stdout).stacks;
  const MULTI_STACKS = ["campaigns-111111111111-us-east-1", "campaigns-111111111111-us-west-2", "campaigns-222222222222-eu-west-2"];

  it("takes --stack repeated or comma-separated, and CAMPAIGNS_STACKS likewise; a flag wins over its variable", () => {
    expect(stacksOf(bin(["synth", "--config", MULTI, "--json", "--stack", `${MULTI_STACKS[0]},${MULTI_STACKS[1]}`, "--stack", ` ${MULTI_STACKS[2]} `]))).toEqual(MULTI_STACKS);
    expect(stacksOf(bin(["synth", "--json"], { ROLLOUT_CONFIG: MULTI, CAMPAIGNS_STACKS: `${MULTI_STACKS[0]}, ${MULTI_STACKS[2]}` }))).toEqual([MULTI_STACKS[0], MULTI_STACKS[2]]);
    expect(stacksOf(bin(["synth", "--json", "--stack", MULTI_STACKS[1]], { ROLLOUT_CONFIG: MULTI, CAMPAIGNS_STACKS: MULTI_STACKS[0] }))).toEqual([MULTI_STACKS[1]]);
  });

  it("treats empty variables as unset (every stack of the config)", () => {
    expect(stacksOf(bin(["synth", "--json", "--config", MULTI], { CAMPAIGNS_STACKS: "", CAMPAIGNS_WAVE: "" }))).toHaveLength(7);
  });

  it("names an output directory outside the working directory by its absolute path", () => {
    const out = path.join(scratch(), "out");
    expect(bin(["synth", "--config", MULTI, "--wave", "canary", "--output", out]).stdout).toBe(`${MULTI}: wrote 1 stack(s) to ${path.join(out, "stacks")}: campaigns-111111111111-us-east-1\n`);
  });
});
