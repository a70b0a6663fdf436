import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { useEmulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import { scratchDir } from "../support/terraform";
import { describeWithTools } from "../support/tiers";

const ROOT = path.resolve(__dirname, "../..");
/** main before the CampaignsInstance construct: the stacks users have applied. */
const BEFORE = "eb41417";

/** A checkout of `BEFORE`'s sources, sharing this checkout's node_modules. */
function checkoutBefore(): string {
  const dir = scratchDir("before-instance");
  const archive = execFileSync("git", ["archive", "--format=tar", BEFORE, "main.ts", "modules", "package.json", "tsconfig.json"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

/** Synthesizes `configFile` into `outdir` with the earlier code, in a process of its own. */
function synthBefore(checkout: string, configFile: string, baseDir: string, outdir: string): void {
  const script = `const { loadRolloutConfig } = require("./modules/rollout"); const { buildApp } = require("./modules/stack");
buildApp(loadRolloutConfig(${JSON.stringify(configFile)}, ${JSON.stringify(baseDir)}), {}, ${JSON.stringify(outdir)}).synth();`;
  execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: checkout, stdio: "pipe" });
}

/** A JSON value without cdktf's `//` metadata members. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "//").map(([key, v]) => [key, withoutMetadata(v)]));
}

/**
 * The upgrade a user makes: a stack applied with the code before `CampaignsInstance`, then
 * synthesized by today's code and planned. Its resources keep their addresses and inputs, so
 * Terraform plans no change to them (no hook re-run, no resource replaced or dropped without its
 * hook); the one addition is the account guard, which is newer than that code.
 */
describeWithTools("lifecycle: upgrading a stack applied before CampaignsInstance", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("plans no change to any resource after re-synthesizing with the instance construct (only the account guard is added)", async () => {
    const account = await emulatedAccount(emulator(), "111111111111", "us-east-1");
    const instances = [await account.createInstance(), await account.createInstance()];
    const ws = new LifecycleWorkspace(emulator(), "upgrade");
    const config = { targets: [{ account: "111111111111", region: "us-east-1", role: { mode: "create", description: "upgrade" }, instances: instances.map((id) => ({ id })) }] };
    // The workspace's own config and defaults, synthesized by the earlier code first.
    ws.synth(config);
    const stack = "campaigns-111111111111-us-east-1";
    const outdir = path.join(ws.dir, "cdktf.out");
    const now = fs.readFileSync(path.join(ws.stackDir(stack), "cdk.tf.json"), "utf8");
    fs.rmSync(outdir, { recursive: true, force: true });
    const checkout = checkoutBefore();
    try {
      synthBefore(checkout, ws.configFile, ws.dir, outdir);
    } finally {
      fs.rmSync(checkout, { recursive: true, force: true });
    }
    const before = fs.readFileSync(path.join(ws.stackDir(stack), "cdk.tf.json"), "utf8");
    // The same resources, inputs and dependencies; only cdktf's metadata (construct paths) differs,
    // and the account guard (newer than that code) joins.
    const nowResources = withoutMetadata(JSON.parse(now).resource) as { terraform_data: Record<string, unknown> };
    const guards = Object.keys(nowResources.terraform_data).filter((name) => name.startsWith("account-guard_"));
    expect(guards).toHaveLength(1);
    delete nowResources.terraform_data[guards[0]];
    expect(withoutMetadata(JSON.parse(before).resource)).toEqual(nowResources);

    await ws.init(stack);
    expectOk(await ws.apply(stack), "apply with the earlier code");
    const applied = await ws.stateList(stack);
    expect(applied.filter((a) => a.startsWith("terraform_data."))).toHaveLength(6);

    ws.synth(config);
    const plan = await ws.planExitCode(stack);
    // Only the account guard is added: no hook re-runs, nothing is replaced or dropped.
    expect(plan.stdout).toContain(`terraform_data.${guards[0]} will be created`);
    expect(plan.stdout).toContain("Plan: 1 to add, 0 to change, 0 to destroy.");
    expect(plan.code).toBe(2);
    expect(await ws.stateList(stack)).toEqual(applied);
  });
});
