import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cli } from "../support/cli";

const ROOT = path.join(__dirname, "..", "..");
const CONFIG = path.join(ROOT, "examples", "rollout.json");
const STACK = "campaigns-111111111111-us-east-1";

describe("--version", () => {
  it.each(["--version", "-V"])("%s prints package.json's version and exits 0", async (flag) => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(await cli(flag)).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

/**
 * Every command's usage errors — an unknown option, a missing one, an extra argument, a value
 * outside its domain — exit 64 with one line on stderr, and nothing on stdout; none loads a config
 * or calls AWS first.
 */
describe("usage errors exit 64 with one line", () => {
  it.each<[string, string[], RegExp]>([
    ["an unknown command", ["deploy"], /^error: unknown command 'deploy'/],
    ["an unknown option", ["waves", "--config", CONFIG, "--yaml"], /^error: unknown option '--yaml'/],
    ["a missing required option", ["matrix", "--config", CONFIG], /^error: required option '-w, --wave <name>' not specified/],
    ["an extra argument", ["waves", "--config", CONFIG, "extra"], /^error: too many arguments for 'waves'/],
    ["review --fail-on low", ["review", "--fail-on", "low", "plan.json"], /^error: option '--fail-on <risk>' argument 'low' is invalid\. Allowed choices are high, medium\./],
    ["review without a plan", ["review"], /^error: missing required argument 'plans'/],
    ["policy --account without --config", ["policy", "--account", "111111111111"], /^policy: --account needs --config <file>/],
    ["policy --state without --config", ["policy", "--state"], /^policy: --state needs --config <file>/],
    ["policy --account that is not an account id", ["policy", "--account", "prod"], /^error: option '-a, --account <id>' argument 'prod' is invalid\. expected a 12-digit AWS account id/],
    ["policy --trust that is not a principal ARN", ["policy", "--trust", "pipeline"], /^--trust: expected an IAM principal ARN/],
    ["policy --trust with --config", ["policy", "--trust", "arn:aws:iam::999999999999:role/pipeline", "--config", CONFIG], /^error: option '--trust <principal arn>' cannot be used with option '-c, --config <file>'/],
    ["cleanup --stack that is not a stack id", ["cleanup", "--config", CONFIG, "--stack", "prod"], /^error: option '-s, --stack <stack>' argument 'prod' is invalid\. expected a stack id campaigns-<account>-<region>/],
    ["cleanup --instance that is not an instance id", ["cleanup", "--config", CONFIG, "--stack", STACK, "--instance", "main"], /^error: option '-i, --instance <id>' argument 'main' is invalid\. expected an Amazon Connect instance id/],
    ["restore --role-template that is not a role ARN", ["restore", os.tmpdir(), "--role-template", "deploy"], /^error: option '--role-template <arn>' argument 'deploy' is invalid\. expected an IAM role ARN/],
    ["gate --wave that is not a wave name", ["gate", "--config", CONFIG, "--wave", "a b", "--results", os.tmpdir()], /^error: option '-w, --wave <name>' argument 'a b' is invalid\. expected a wave name/],
    ["matrix --wave that is not a wave name", ["matrix", "--config", CONFIG, "--wave", "x/y"], /^error: option '-w, --wave <name>' argument 'x\/y' is invalid/],
    ["bundle-hook with an argument", ["bundle-hook", "now"], /^error: too many arguments for 'bundle-hook'/],
    ["schema --write without a file", ["schema", "--write"], /^error: option '--write <file>' argument missing/],
    ["drift --parallelism 0", ["drift", "--config", CONFIG, "--parallelism", "0"], /^error: option '-p, --parallelism <n>' argument '0' is invalid\. expected a whole number of at least 1/],
    ["drift --stack that is not a stack id", ["drift", "--config", CONFIG, "--stack", "prod"], /^error: option '-s, --stack <id\.\.\.>' argument 'prod' is invalid\. expected a stack id/],
    ["drift with an argument", ["drift", "--config", CONFIG, "now"], /^error: too many arguments for 'drift'/],
  ])("%s", async (_, argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(message)]);
  });
});

describe("input errors stay exit 1 (well-formed values the config does not have, unreadable files)", () => {
  it.each<[string, string[], string]>([
    ["a wave the config lacks", ["matrix", "--config", CONFIG, "--wave", "canary"], `${CONFIG}: no wave "canary"; expected one of "default"`],
    ["a stack the config lacks", ["cleanup", "--config", CONFIG, "--stack", "campaigns-999999999999-us-east-1", "--dry-run"], `${CONFIG}: no stack "campaigns-999999999999-us-east-1"`],
    ["drift: a wave the config lacks", ["drift", "--config", CONFIG, "--wave", "canary"], `${CONFIG}: no wave "canary"; expected one of "default"`],
    ["a schema file that cannot be written", ["schema", "--write", path.join(os.tmpdir(), "no-such-dir", "schema.json")], "could not write the schema (ENOENT)"],
  ])("%s", async (_, argv, message) => {
    const run = await cli(...argv);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(message)]);
  });
});

describe("a config with many problems", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "many-")), "rollout.json");
  fs.writeFileSync(file, JSON.stringify({ targets: Array.from({ length: 2000 }, () => ({ account: "1", region: "us-east-1" })) }));

  it("prints 50 lines at most, the last counting the rest", async () => {
    const run = await cli("waves", "--config", file);
    const lines = run.stderr.trimEnd().split("\n");
    expect(run.code).toBe(1);
    expect(lines).toHaveLength(50);
    expect(lines[49]).toBe(`${file}: … and 1951 more problems`);
  });

  it("with --json, also prints every problem as one JSON document on stdout", async () => {
    const run = await cli("waves", "--config", file, "--json");
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ error: "invalid config", file });
    expect(document.problems).toHaveLength(2000);
    expect(document.problems[1999]).toEqual({ path: "$.targets[1999].account", message: 'expected a 12-digit AWS account id, got "1" (1 digit)' });
  });
});

describe("a config that is not UTF-8", () => {
  it("is refused by every command that reads it, naming the byte offset, and nothing is printed on stdout", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "latin1-")), "rollout.json");
    fs.writeFileSync(file, Buffer.from(`{"defaults": {"tags": {"team": "caf\u00e9"}}, "targets": [{"account": "111111111111", "region": "us-east-1"}]}`, "latin1"));
    for (const argv of [["waves", "--config", file], ["matrix", "--config", file, "--wave", "default"], ["policy", "--config", file]]) {
      const run = await cli(...argv);
      expect(run).toEqual({ code: 1, stdout: "", stderr: `${file}: $: expected UTF-8 text, got the byte 0xE9 at byte offset 35 (line 1 column 36), which is not valid UTF-8\n` });
    }
  });
});
