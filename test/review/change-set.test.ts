import * as fs from "node:fs";
import * as path from "node:path";
import { compareSynths, planSynths, readSynthOutput } from "../../modules/plan-review/change-set";
import { parseRolloutConfig } from "../../modules/rollout";
import { scratchDir } from "../support/terraform";

/** A synth output as cdktf writes it: manifest.json naming each stack, a cdk.tf.json per stack. */
function synthOutput(stacks: Record<string, unknown>): string {
  const outdir = scratchDir("change-set");
  const manifest: Record<string, { workingDirectory: string }> = {};
  for (const [id, config] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(outdir, "stacks", id), { recursive: true });
    fs.writeFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), JSON.stringify(config, null, 2));
    manifest[id] = { workingDirectory: `stacks/${id}` };
  }
  fs.writeFileSync(path.join(outdir, "manifest.json"), JSON.stringify({ stacks: manifest, version: "0.21.0" }));
  return outdir;
}

const stack = (tags: Record<string, string>, meta = "a") => ({
  "//": { metadata: { stackName: meta } },
  provider: { aws: [{ region: "us-east-1", default_tags: [{ tags }] }] },
  resource: { terraform_data: { hook: { "//": { metadata: { path: `${meta}/hook` } }, input: { kind: "campaigns-cleanup" } } } },
});

describe("compareSynths: which stacks a change touches", () => {
  it("tells new, changed, unchanged and removed stacks apart; cdktf's // metadata and key order do not count", () => {
    const base = synthOutput({ same: stack({ team: "a", env: "p" }), retagged: stack({ team: "a" }), gone: stack({}) });
    // Keys in another order and other metadata: the same stack for Terraform.
    const reordered = { resource: stack({ env: "p", team: "a" }, "b").resource, provider: { aws: [{ default_tags: [{ tags: { env: "p", team: "a" } }], region: "us-east-1" }] } };
    const pr = synthOutput({ same: reordered, retagged: stack({ team: "b" }), added: stack({}) });
    const changes = compareSynths(readSynthOutput(pr), readSynthOutput(base));
    expect(Object.fromEntries(changes.stacks)).toEqual({ same: "unchanged", retagged: "changed", added: "new", gone: "removed" });
  });

  it("reads only the stacks manifest.json names: a stale folder is not part of the synth", () => {
    const outdir = synthOutput({ kept: stack({}) });
    fs.mkdirSync(path.join(outdir, "stacks", "stale"));
    expect([...readSynthOutput(outdir).stacks.keys()]).toEqual(["kept"]);
  });
});

describe("planSynths: which stacks need a synth at all", () => {
  const target = (account: string, extra: Record<string, unknown> = {}) => ({ account, region: "us-east-1", instances: [{ id: `0a1b2c3d-4e5f-4a6b-8c7d-${account}` }], ...extra });
  const resolve = (targets: unknown[]) => parseRolloutConfig(JSON.stringify({ targets }), "rollout.json", "/work").targets;

  it("skips targets equal in both configs (their place in the list aside); synthesizes new and changed ones; lists removed ones", () => {
    const base = resolve([target("100000000001"), target("100000000002"), target("100000000003"), target("100000000004")]);
    // 002 removed (shifting 003 and 004 up), 003 retagged, 005 added.
    const pr = resolve([target("100000000001"), target("100000000003", { tags: { team: "b" } }), target("100000000004"), target("100000000005")]);
    expect(planSynths(pr, base)).toEqual({
      same: ["campaigns-100000000001-us-east-1", "campaigns-100000000004-us-east-1"],
      candidates: ["campaigns-100000000003-us-east-1", "campaigns-100000000005-us-east-1"],
      removed: ["campaigns-100000000002-us-east-1"],
    });
  });
});
