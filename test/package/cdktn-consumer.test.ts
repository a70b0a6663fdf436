import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { HOOK_ASSET_PATH } from "../../modules/hooks/contract";
import { describeWithTools } from "../support/tiers";
import { terraformCheck } from "../support/terraform";
import { cdktnCheck, cdktnToolchain } from "./cdktn-toolchain";
import { copyConsumerSources, expectValid, installPacked, NPM, PackedProject, ROOT, TSC } from "./install-packed";

/** The AWS provider in the mirror, which the cdktn stacks are pinned to (the binding targets 6.66.0). */
const MIRROR_AWS_VERSION = "5.100.0";
const CDKTN_PEERS = ["cdktn", "constructs", "@cdktn/provider-aws"];

/** What a cdktf user changes to move to CDK Terrain: the imports. */
function toCdktn(source: string): string {
  return source
    .replace(/(["'])cdktf(["'/])/g, "$1cdktn$2")
    .replace(/@cdktf\/provider-aws/g, "@cdktn/provider-aws")
    .replace(/(["'])connect-campaigns-iac(["'/])/g, "$1connect-campaigns-iac-cdktn$2");
}

describeWithTools("the CDK Terrain package (cdktn 0.24, Node 22), packed and installed", cdktnCheck, () => {
  let project: PackedProject;
  let node22: string;
  const synthesized: [string, string][] = [];

  const run = (args: string[]): string => {
    const result = spawnSync(node22, args, { cwd: project.dir, encoding: "utf8", env: { ...process.env, AWS_PROVIDER_VERSION: MIRROR_AWS_VERSION } });
    if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(() => {
    const toolchain = cdktnToolchain();
    node22 = toolchain.node;
    project = installPacked({
      packDir: path.join(ROOT, "build", "cdktn"),
      // The cdktf build first (npm run build), then the cdktn flavour from it.
      prepare: () => {
        execFileSync(NPM, ["run", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cdktn.js")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      },
      linkFrom: (name) => (CDKTN_PEERS.includes(name) ? path.join(toolchain.modules, name) : path.join(ROOT, "node_modules", name)),
    });
    copyConsumerSources(project.dir, toCdktn);
  }, 300_000);

  it("runs on Node 22 with cdktn, never loading cdktf", () => {
    expect(run(["--version"]).trim()).toMatch(/^v22\./);
    const loaded = JSON.parse(run(["-e", 'require("connect-campaigns-iac-cdktn"); console.log(JSON.stringify(Object.keys(require.cache)))'])) as string[];
    expect(loaded.some((file) => file.includes("/cdktn/"))).toBe(true);
    expect(loaded.filter((file) => /\/cdktf\/|@cdktf|@aws-sdk/.test(file))).toEqual([]);
  });

  it("synthesizes the same consumer stacks and the rollout app from plain JavaScript", () => {
    run(["main.js"]);
    for (const outdir of ["cdktf.out-js", "cdktf.out-rollout"]) {
      for (const stack of fs.readdirSync(path.join(project.dir, outdir, "stacks"))) synthesized.push([`${outdir} ${stack}`, path.join(project.dir, outdir, "stacks", stack)]);
    }
    expect(synthesized).toHaveLength(4);
    const shipped = fs.readFileSync(path.join(project.packageDir, "dist", "campaigns-hook.cjs"));
    expect(fs.readFileSync(path.join(project.dir, "cdktf.out-js", "stacks", "call-center", HOOK_ASSET_PATH)).equals(shipped)).toBe(true);
  });

  it("compiles the TypeScript consumer against the cdktn flavour's types and synthesizes it", () => {
    execFileSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: project.dir, stdio: ["ignore", "pipe", "pipe"] });
    run([path.join("build", "main.js")]);
    const adopted = JSON.parse(fs.readFileSync(path.join(project.dir, "cdktf.out", "stacks", "contact-center-adopted", "cdk.tf.json"), "utf8")) as {
      import?: unknown[];
      terraform: { required_providers: { aws: { version: string } } };
    };
    expect(adopted.import).toHaveLength(1);
    // Unpinned, the binding asks for the provider it was generated from.
    expect(adopted.terraform.required_providers.aws.version).toBe("6.66.0");
  });

  describeWithTools("terraform validate against the mirror's AWS provider", terraformCheck, () => {
    it(`validates every JavaScript stack pinned to aws ${MIRROR_AWS_VERSION}`, async () => {
      expect(synthesized).toHaveLength(4);
      await expectValid(synthesized);
    }, 300_000);
  });
});
