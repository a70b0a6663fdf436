import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseRolloutConfig } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import { HOOK_BUNDLE_PATH } from "../../modules/hooks/asset";
import { HOOK_ASSET_PATH } from "../../modules/hooks/contract";

/** The fixed path every stack carries the hook at, which the stacks' commands name. */
const STABLE_HOOK_PATH = path.join(...HOOK_ASSET_PATH.split("/"));
const ACCOUNTS = ["111111111111", "222222222222", "333333333333"];

function synthThreeStacks(outdir: string): string[] {
  const targets = ACCOUNTS.map((account) => ({ account, region: "us-east-1", instances: [{ id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" }] }));
  buildApp(parseRolloutConfig(JSON.stringify({ targets }), "rollout.json"), {}, outdir).synth();
  return ACCOUNTS.map((account) => path.join(outdir, "stacks", `campaigns-${account}-us-east-1`, STABLE_HOOK_PATH));
}

describe("the hook file in every stack", () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "hook-links-"));
  const files = synthThreeStacks(outdir);

  it("is at the path the stacks' commands have always named, with the bundle's content", () => {
    const bundle = fs.readFileSync(HOOK_BUNDLE_PATH);
    for (const file of files) expect(fs.readFileSync(file).equals(bundle)).toBe(true);
  });

  it("is one copy in the output, hard-linked into the other stacks, never a link into dist/", () => {
    const [first, ...others] = files.map((file) => fs.statSync(file));
    expect(first.nlink).toBe(ACCOUNTS.length);
    for (const other of others) expect(other.ino).toBe(first.ino);
    expect(first.ino).not.toBe(fs.statSync(HOOK_BUNDLE_PATH).ino);
  });

  it("keeps a stack directory whole when its siblings are deleted", () => {
    fs.rmSync(path.dirname(path.dirname(path.dirname(path.dirname(files[0])))), { recursive: true });
    expect(fs.readFileSync(files[1]).equals(fs.readFileSync(HOOK_BUNDLE_PATH))).toBe(true);
  });

  it("synthesizes again into the same output directory", () => {
    const again = synthThreeStacks(outdir);
    expect(again.map((file) => fs.statSync(file).nlink)).toEqual(ACCOUNTS.map(() => ACCOUNTS.length));
  });
});
