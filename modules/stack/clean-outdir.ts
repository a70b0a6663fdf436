import * as fs from "node:fs";
import * as path from "node:path";
import { PLAN_JSON_FILE, PLAN_LOG_FILE, REVIEW_FILE, SAVED_PLAN_FILE } from "../review/plan-source";

/** What Terraform leaves in a stack folder that belongs to one synth only: its plans and their log. */
export const PLAN_OUTPUTS: readonly string[] = [PLAN_JSON_FILE, SAVED_PLAN_FILE, PLAN_LOG_FILE];

/** A state file: never deleted by a synth, whatever folder it sits in. */
const isState = (name: string) => /\.tfstate(\.backup)?$/.test(name);

/**
 * A campaign backup (`<account>/<region>/<instance>/<campaign id>.json`, see the hook runtime's
 * backup.ts): the destroy hook writes there when `$CAMPAIGN_BACKUP_DIR` (or `backup_dir`) is
 * relative to the stack directory. Never deleted by a synth either: it may be the only copy.
 */
const BACKUP_PATH = /(^|\/)\d{12}\/[a-z]{2}(-[a-z]+)+-\d+\/[^/]+\/[^/]+\.json$/;

/** Whether a folder (at any depth, Terraform's own `.terraform` aside) holds a state file or a campaign backup. */
function holdsSomethingToKeep(dir: string): boolean {
  const entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true });
  return entries.some((entry) => {
    if (!entry.isFile()) return false;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (relative.startsWith(".terraform/")) return false;
    return isState(entry.name) || BACKUP_PATH.test(relative);
  });
}

export interface CleanedOutdir {
  /** Stack folders of earlier synths that were removed. */
  readonly removed: readonly string[];
  /** Stack folders of earlier synths kept because they hold a state file or campaign backups (their plans are removed). */
  readonly kept: readonly string[];
}

/**
 * Makes `<outdir>/stacks` hold only what this synth writes: removes the folders of stacks it does
 * not synthesize (another config, or a `--stack`/`--wave` selection), the plans of every stack
 * folder and the review.md made from them, so no plan.json or tfplan outlives the cdk.tf.json it
 * was made from. A folder holding a
 * state file (a backend path pointed inside cdktf.out) or campaign backups (a relative
 * `$CAMPAIGN_BACKUP_DIR` is relative to the stack directory) is kept, minus its plans: nothing is lost,
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
    if (holdsSomethingToKeep(dir)) kept.push(entry.name);
    else {
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  return { removed, kept };
}
