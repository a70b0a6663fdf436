import * as fs from "node:fs";
import * as path from "node:path";
import { STACK_CONFIG_FILE } from "../review/freshness";
import type { ResolvedTarget } from "../rollout/resolved";

/** What a pull request does to one stack, from two synths compared stack by stack. */
export type StackChange = "new" | "changed" | "unchanged" | "removed";

export interface ChangeSet {
  /** Stack id → its change, in the order the synths list them (the PR's first, then removed ones). */
  readonly stacks: ReadonlyMap<string, StackChange>;
}

/** A synth output directory: its manifest's stacks and where each one's cdk.tf.json is. */
export interface SynthOutput {
  readonly outdir: string;
  /** Stack id → the stack's folder. */
  readonly stacks: ReadonlyMap<string, string>;
}

/** Reads the stacks cdktf's manifest.json names in `outdir` (stale folders of other synths stay out). */
export function readSynthOutput(outdir: string): SynthOutput {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { workingDirectory: string }> };
  return { outdir, stacks: new Map(Object.entries(manifest.stacks).map(([name, stack]) => [name, path.join(outdir, stack.workingDirectory)])) };
}

/**
 * Compares the PR's synth with the base's, stack by stack. Two stacks are the same when their
 * cdk.tf.json are equal once normalized: cdktf's `//` metadata (construct paths, unique ids,
 * stack names) is dropped and keys are sorted, so only what Terraform reads counts. Asset
 * contents need no separate look: their hash is part of the path cdk.tf.json names.
 */
export function compareSynths(pr: SynthOutput, base: SynthOutput): ChangeSet {
  const stacks = new Map<string, StackChange>();
  for (const [id, dir] of pr.stacks) {
    const baseDir = base.stacks.get(id);
    if (baseDir === undefined) stacks.set(id, "new");
    else stacks.set(id, normalizedStack(dir) === normalizedStack(baseDir) ? "unchanged" : "changed");
  }
  for (const id of base.stacks.keys()) if (!pr.stacks.has(id)) stacks.set(id, "removed");
  return { stacks };
}

/** Every stack of one synth, as new: what is planned when there is no base to compare with. */
export function everyStackNew(pr: SynthOutput): ChangeSet {
  return { stacks: new Map([...pr.stacks.keys()].map((id) => [id, "new" as const])) };
}

/** A stack's cdk.tf.json without cdktf's metadata, keys sorted, as one string. */
export function normalizedStack(stackDir: string): string {
  return JSON.stringify(normalize(JSON.parse(fs.readFileSync(path.join(stackDir, STACK_CONFIG_FILE), "utf8"))));
}

export interface SynthPlan {
  /** Stacks whose resolved target is the same in both configs: unchanged without a synth. */
  readonly same: readonly string[];
  /** Stacks to synthesize from both configs and compare: new, or their target differs. */
  readonly candidates: readonly string[];
  /** Stacks the base has in scope and the PR does not. */
  readonly removed: readonly string[];
}

/**
 * Which stacks need a synth at all. A stack is a function of its resolved target alone (same
 * code for both synths), so a target equal in both configs gives equal stacks: 2000 targets with
 * one changed synthesize one stack twice, not 2000 twice. The target's `index` (its place in the
 * config, used only in error paths) is left out: removing a target shifts the ones after it.
 * Whatever differs is still decided by the synths' cdk.tf.json (a field that does not reach the
 * stack compares unchanged).
 */
export function planSynths(pr: readonly ResolvedTarget[], base: readonly ResolvedTarget[]): SynthPlan {
  const fingerprint = ({ index: _index, ...target }: ResolvedTarget) => JSON.stringify(normalize(target));
  const baseById = new Map(base.map((t) => [t.stackId, fingerprint(t)]));
  const prIds = new Set(pr.map((t) => t.stackId));
  const same = pr.filter((t) => baseById.get(t.stackId) === fingerprint(t)).map((t) => t.stackId);
  const sameIds = new Set(same);
  return {
    same,
    candidates: pr.map((t) => t.stackId).filter((id) => !sameIds.has(id)),
    removed: base.map((t) => t.stackId).filter((id) => !prIds.has(id)),
  };
}

/** The change set from {@link planSynths} and the synths of its candidates. */
export function changeSetOf(plan: SynthPlan, pr: SynthOutput, base: SynthOutput, order: readonly string[]): ChangeSet {
  const compared = compareSynths(pr, base).stacks;
  const same = new Set(plan.same);
  const change = (id: string): StackChange => (same.has(id) ? "unchanged" : (compared.get(id) ?? "new"));
  const stacks = new Map<string, StackChange>(order.map((id) => [id, change(id)]));
  for (const id of plan.removed) stacks.set(id, "removed");
  return { stacks };
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key !== "//")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, v]) => [key, normalize(v)]);
  return Object.fromEntries(entries);
}
