import * as fs from "node:fs";
import * as path from "node:path";
import { PLAN_JSON_FILE, PLAN_LOG_FILE, REVIEW_FILE, SAVED_PLAN_FILE } from "../review/plan-source";

/** What Terraform leaves in a stack folder that belongs to one synth only: its plans and their log. */
export const PLAN_OUTPUTS: readonly string[] = [PLAN_JSON_FILE, SAVED_PLAN_FILE, PLAN_LOG_FILE];

/** A state file: never deleted by a synth, whatever folder it sits in. */
const isState = (name: string) => /\.tfstate(\.backup)?$/.test(name);

export interface CleanedOutdir {
  /** Stack folders of earlier synths that were removed. */
  readonly removed: readonly string[];
  /** Stack folders of earlier synths kept because they hold a state file (their plans are removed). */
  readonly kept: readonly string[];
}

/**
 * Makes `<outdir>/stacks` hold only what this synth writes: removes the folders of stacks it does
 * not synthesize (another config, or a `--stack`/`--wave` selection), the plans of every stack
 * folder and the review.md made from them, so no plan.json or tfplan outlives the cdk.tf.json it
 * was made from. A folder holding a
 * state file (a backend path pointed inside cdktf.out) is kept, minus its plans: nothing is lost,
 * and the review still refuses it, as the new manifest.json does not name it.
 */
export function cleanOutdir(outdir: string, stackIds: readonly string[]): CleanedOutdir {
  const stacksDir = path.join(outdir, "stacks");
  const wanted = new Set(stackIds);
  const removed: string[] = [];
  const kept: string[] = [];
  // plan-review's review of the plans removed below.
  fs.rmSync(path.join(outdir, REVIEW_FILE), { force: true });
  if (!fs.existsSync(stacksDir)) return { removed, kept };
  for (const entry of fs.readdirSync(stacksDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(stacksDir, entry.name);
    const files = fs.readdirSync(dir);
    for (const file of PLAN_OUTPUTS) if (files.includes(file)) fs.rmSync(path.join(dir, file), { force: true });
    if (wanted.has(entry.name)) continue;
    if (files.some(isState)) kept.push(entry.name);
    else {
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  return { removed, kept };
}
