import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { HOOK_ASSET_PATH } from "../../modules/hooks/contract";
import { describeWithTools } from "../support/tiers";
import { emulatorAvailability, useEmulator } from "../emulator/emulator";
import { terraformCheck } from "../support/terraform";
import { copyConsumerSources, expectValid, installPacked, PackedProject, TSC } from "./install-packed";

/** Runs `node <args>` in the consumer project; throws with its stderr on failure. */
function node(dir: string, args: string[]): string {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

function stackDirs(outdir: string): string[] {
  return fs.readdirSync(path.join(outdir, "stacks")).map((stack) => path.join(outdir, "stacks", stack));
}

describe("the packed package, installed in a project of its own", () => {
  let project: PackedProject;
  let bundleBefore: fs.Stats;
  const synthesized: [string, string][] = [];

  beforeAll(() => {
    project = installPacked();
    copyConsumerSources(project.dir);
    bundleBefore = fs.statSync(path.join(project.packageDir, "dist", "campaigns-hook.cjs"));
  }, 240_000);

  it("ships the compiled build, its types and the hook bundle; no TypeScript sources", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(project.packageDir, "package.json"), "utf8")) as { main: string; types: string };
    expect(fs.existsSync(path.join(project.packageDir, manifest.main))).toBe(true);
    expect(fs.existsSync(path.join(project.packageDir, manifest.types))).toBe(true);
    expect(fs.existsSync(path.join(project.packageDir, "modules"))).toBe(false);
    expect(fs.existsSync(path.join(project.dir, "node_modules", "tsx"))).toBe(false);
    expect(fs.existsSync(path.join(project.dir, "node_modules", "esbuild"))).toBe(false);
  });

  it("loads the constructs from the root without the AWS SDK, and the light entries without cdktf", () => {
    const loaded = (entry: string): string[] =>
      JSON.parse(node(project.dir, ["-e", `require(${JSON.stringify(entry)}); console.log(JSON.stringify(Object.keys(require.cache)))`])) as string[];
    const root = loaded("connect-campaigns-iac");
    expect(root.some((file) => file.includes("/cdktf/"))).toBe(true);
    expect(root.filter((file) => /@aws-sdk|@smithy|\/tsx\/|\/esbuild\//.test(file))).toEqual([]);
    for (const light of ["connect-campaigns-iac/role-names", "connect-campaigns-iac/hook-contract", "connect-campaigns-iac/config", "connect-campaigns-iac/policy"]) {
      expect(loaded(light).filter((file) => /\/cdktf\/|\/constructs\/|@aws-sdk/.test(file))).toEqual([]);
    }
    expect(node(project.dir, ["-e", 'console.log(typeof require("connect-campaigns-iac").CampaignsServiceLinkedRole)']).trim()).toBe("function");
  });

  it("synthesizes a stack of its own from plain JavaScript, and the rollout app from a config", () => {
    node(project.dir, ["main.js"]);
    for (const dir of stackDirs(path.join(project.dir, "cdktf.out-js"))) synthesized.push([`js ${path.basename(dir)}`, dir]);
    for (const dir of stackDirs(path.join(project.dir, "cdktf.out-rollout"))) synthesized.push([`js rollout ${path.basename(dir)}`, dir]);
    expect(synthesized.map(([name]) => name).sort()).toEqual([
      "js call-center",
      "js call-center-observer",
      "js rollout campaigns-111111111111-us-east-1",
      "js rollout campaigns-222222222222-eu-west-2",
    ]);
  });

  it("compiles a TypeScript stack against the package's types (exports map with node16 resolution, typesVersions with node10) and synthesizes it", () => {
    execFileSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: project.dir, stdio: ["ignore", "pipe", "pipe"] });
    // And with node10 resolution (cdktf's project template), where the subpaths' types come from typesVersions.
    execFileSync(process.execPath, [TSC, "-p", "tsconfig.node10.json"], { cwd: project.dir, stdio: ["ignore", "pipe", "pipe"] });
    node(project.dir, [path.join("build", "main.js")]);
    for (const dir of stackDirs(path.join(project.dir, "cdktf.out"))) synthesized.push([`ts ${path.basename(dir)}`, dir]);
    expect(synthesized.filter(([name]) => name.startsWith("ts ")).map(([name]) => name).sort()).toEqual(["ts contact-center", "ts contact-center-adopted"]);
    const adopted = JSON.parse(fs.readFileSync(path.join(project.dir, "cdktf.out", "stacks", "contact-center-adopted", "cdk.tf.json"), "utf8")) as { import?: unknown[] };
    expect(adopted.import).toHaveLength(1);
  });

  it("puts the shipped hook bundle in each stack with hooks at its fixed path, never rebuilding it in node_modules", () => {
    const shipped = fs.readFileSync(path.join(project.packageDir, "dist", "campaigns-hook.cjs"));
    const withHooks = synthesized.filter(([name]) => !/observer|adopted/.test(name));
    expect(withHooks).toHaveLength(4);
    for (const [, dir] of withHooks) expect(fs.readFileSync(path.join(dir, HOOK_ASSET_PATH)).equals(shipped)).toBe(true);
    const after = fs.statSync(path.join(project.packageDir, "dist", "campaigns-hook.cjs"));
    expect(after.mtimeMs).toBe(bundleBefore.mtimeMs);
    expect(fs.readdirSync(path.join(project.packageDir, "dist"))).toEqual(["campaigns-hook.cjs"]);
  });

  it("runs the command line with plain node (no tsx)", () => {
    const bin = path.join(project.dir, "node_modules", ".bin", "connect-campaigns-iac");
    expect(node(project.dir, [bin, "waves", "--config", path.join(project.packageDir, "examples", "rollout.json"), "--json"])).toContain('"waves"');
    expect(spawnSync(process.execPath, [bin, "no-such-command"], { cwd: project.dir }).status).toBe(64);
    const version = (JSON.parse(fs.readFileSync(path.join(project.packageDir, "package.json"), "utf8")) as { version: string }).version;
    expect(node(project.dir, [bin, "--version"]).trim()).toBe(version);
    // synth and validate are commands of the same CLI, compiled (lib/), with the shipped bundle.
    const example = path.join(project.packageDir, "examples", "rollout.json");
    expect(node(project.dir, [bin, "validate", "--config", example])).toBe(`${example}: valid: 2 targets in 1 wave\n`);
    expect(node(project.dir, [bin, "synth", "--config", example, "--output", "cdktf.out-bin"])).toContain(`${example}: wrote 2 stack(s) to ${path.join("cdktf.out-bin", "stacks")}:`);
    expect(fs.readdirSync(path.join(project.dir, "cdktf.out-bin", "stacks")).sort()).toEqual(["campaigns-111111111111-us-east-1", "campaigns-222222222222-eu-west-2"]);
  });

  describeWithTools("review --live from the installed package (the emulator)", emulatorAvailability, () => {
    const emulator = useEmulator();

    it("lists what a destroy hook would find, with plain node (the hook runtime loads lazily, no directory import)", () => {
      const bin = path.join(project.dir, "node_modules", ".bin", "connect-campaigns-iac");
      const plan = path.join(__dirname, "..", "review", "fixtures", "destroy-allowed.json");
      const result = spawnSync(process.execPath, [bin, "review", "--json", "--live", plan], { cwd: project.dir, encoding: "utf8", env: { ...process.env, ...emulator().env } });
      expect(result.stderr).not.toContain("ERR_UNSUPPORTED_DIR_IMPORT");
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const [stack] = JSON.parse(result.stdout).stacks;
      expect(stack.live).toEqual([expect.objectContaining({ allowCampaignDeletion: true, campaigns: [] })]);
    });
  });

  describeWithTools("terraform validate of the consumer's stacks", terraformCheck, () => {
    // -backend=false: validate needs only the provider (from the mirror, through terraform-cli's env).
    // The consumer's own stacks: the rollout app's are validated by test/stack/validate-examples
    // (each validate loads the provider's schema, ~2 s idle, ~10 s on a loaded machine).
    it("validates every stack of its own, from JavaScript and from TypeScript", async () => {
      const own = synthesized.filter(([name]) => !name.includes(" rollout "));
      expect(own.map(([name]) => name).sort()).toEqual(["js call-center", "js call-center-observer", "ts contact-center", "ts contact-center-adopted"]);
      await expectValid(own);
    }, 240_000);
  });
});
