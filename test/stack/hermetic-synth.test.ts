import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { loadRolloutConfig } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import { terraformCheck } from "../support/terraform";
import { describeWithTools } from "../support/tiers";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CONFIG = {
  defaults: { backend: { type: "local" }, campaignBackup: { dir: "campaign-backups/{account}" } },
  targets: [
    { account: "111111111111", region: "us-east-1", instances: [{ id: INSTANCE }] },
    { account: "222222222222", region: "eu-west-2", backend: { type: "local", path: "state/{account}.tfstate" }, instances: [{ id: INSTANCE, retired: true }] },
  ],
};

/** A checkout at its own path: the config written there, synthesized from there as `npm run synth` does. */
function synthesizeIn(label: string, config: object = CONFIG): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `hermetic-${label}-`));
  fs.writeFileSync(path.join(root, "rollout.json"), JSON.stringify(config));
  buildApp(loadRolloutConfig(path.join(root, "rollout.json"), root), {}, path.join(root, "cdktf.out")).synth();
  return root;
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("hermetic synth: two checkouts at different paths", () => {
  const a = synthesizeIn("a");
  const b = synthesizeIn("b-at-another-depth");
  const out = (root: string) => path.join(root, "cdktf.out");

  it("synthesize the same files, byte for byte", () => {
    const files = filesUnder(out(a));
    expect(files).toEqual(filesUnder(out(b)));
    expect(files.filter((f) => f.endsWith("cdk.tf.json"))).toHaveLength(2);
    for (const file of files) expect({ file, same: fs.readFileSync(path.join(out(a), file)).equals(fs.readFileSync(path.join(out(b), file))) }).toEqual({ file, same: true });
  });

  it("hold no trace of the checkout's path", () => {
    for (const file of filesUnder(out(a)).filter((f) => f.endsWith(".json"))) {
      expect(fs.readFileSync(path.join(out(a), file), "utf8")).not.toContain(a);
    }
  });

  it("name local state and backups relative to the stack directory, landing in the project root", () => {
    const stackDir = path.join(out(a), "stacks", "campaigns-111111111111-us-east-1");
    const json = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
    expect(json.terraform.backend.local.path).toBe("../../../terraform.campaigns-111111111111-us-east-1.tfstate");
    const cleanup = Object.values(json.resource.terraform_data as Record<string, { input: Record<string, unknown> }>).find((r) => r.input.kind === "campaigns-cleanup")!;
    expect(cleanup.input.backup_dir).toBe("../../../campaign-backups/111111111111");
    expect(path.resolve(stackDir, cleanup.input.backup_dir as string)).toBe(path.join(a, "campaign-backups", "111111111111"));
    const other = JSON.parse(fs.readFileSync(path.join(out(a), "stacks", "campaigns-222222222222-eu-west-2", "cdk.tf.json"), "utf8"));
    expect(other.terraform.backend.local.path).toBe("../../../state/222222222222.tfstate");
  });

  it("keep absolute paths the config writes as they are", () => {
    const config = { ...CONFIG, defaults: { backend: { type: "local", path: "/var/state/{account}.tfstate" }, campaignBackup: { dir: "/var/backups" } } };
    const root = synthesizeIn("absolute", config);
    const json = JSON.parse(fs.readFileSync(path.join(out(root), "stacks", "campaigns-111111111111-us-east-1", "cdk.tf.json"), "utf8"));
    expect(json.terraform.backend.local.path).toBe("/var/state/111111111111.tfstate");
    const inputs = Object.values(json.resource.terraform_data as Record<string, { input: Record<string, unknown> }>).map((r) => r.input.backup_dir);
    expect(inputs).toContain("/var/backups");
  });
});

const REPO = path.join(__dirname, "..", "..");

/**
 * A real clone of this repository at `label`'s own path (HEAD, as a pipeline checks it out), with
 * this checkout's node_modules linked in, synthesized there as `npm run synth` does (main.ts, its
 * own hook bundle built from the clone's sources). Returns the clone's root.
 */
function synthesizeClone(label: string): string {
  const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `hermetic-clone-${label}-`)), "deeper", "repo");
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", REPO, root], { stdio: "pipe" });
  fs.symlinkSync(fs.realpathSync(path.join(REPO, "node_modules")), path.join(root, "node_modules"), "dir");
  fs.writeFileSync(path.join(root, "rollout.json"), JSON.stringify(CONFIG));
  execFileSync(process.execPath, ["--import", require.resolve("tsx"), "main.ts", "--config", "rollout.json"], { cwd: root, stdio: "pipe" });
  return root;
}

describeWithTools("hermetic synth: two real clones at different paths", terraformCheck, () => {
  let a: string;
  let b: string;
  beforeAll(() => {
    a = synthesizeClone("a");
    b = synthesizeClone("b-at-another-depth");
  }, 300_000);

  it("no file of either output (the hook bundle included) holds either clone's path", () => {
    for (const root of [a, b]) {
      const out = path.join(root, "cdktf.out");
      const files = filesUnder(out);
      expect(files.some((f) => f.endsWith(".cjs"))).toBe(true);
      for (const file of files) {
        const text = fs.readFileSync(path.join(out, file), "latin1");
        for (const clone of [a, b]) expect({ file, holds: text.includes(clone) || text.includes(fs.realpathSync(clone)) }).toEqual({ file, holds: false });
      }
    }
  });

  it("both clones synthesize the same files, byte for byte", () => {
    const files = filesUnder(path.join(a, "cdktf.out"));
    expect(files).toEqual(filesUnder(path.join(b, "cdktf.out")));
    for (const file of files) {
      const same = fs.readFileSync(path.join(a, "cdktf.out", file)).equals(fs.readFileSync(path.join(b, "cdktf.out", file)));
      expect({ file, same }).toEqual({ file, same: true });
    }
  });
});
