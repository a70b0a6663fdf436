import * as fs from "node:fs";
import * as path from "node:path";
import { PlanInputError } from "./read-plan";

/** The file cdktf writes per stack; a plan is only as new as the config it was made from. */
export const STACK_CONFIG_FILE = "cdk.tf.json";
const MANIFEST_FILE = "manifest.json";

/**
 * Refuses a plan that does not belong to the stack folder's current config: one older than the
 * folder's cdk.tf.json (a synth came after the plan), or one of a stack the last synth into that
 * output directory did not write (another config, another --stack/--wave), as cdktf's
 * manifest.json tells. A plan outside a synthesized stack folder is not checked: nothing says
 * what it should match. A gate must never pass on the wrong plan.
 */
export function checkPlanFresh(stackDir: string, planFile: string, stack: string): void {
  const config = fs.statSync(path.join(stackDir, STACK_CONFIG_FILE), { throwIfNoEntry: false });
  if (!config) return;
  const plan = fs.statSync(planFile);
  if (plan.mtimeMs < config.mtimeMs) {
    throw new PlanInputError(
      planFile,
      `stale plan of stack ${stack}: ${path.basename(planFile)} (${plan.mtime.toISOString()}) is older than its ${STACK_CONFIG_FILE} (${config.mtime.toISOString()}); plan again (npm run plan) before reviewing`,
    );
  }
  const outdir = path.dirname(path.dirname(path.resolve(stackDir)));
  const manifest = readManifest(path.join(outdir, MANIFEST_FILE));
  if (!manifest) return;
  const named = Object.values(manifest.stacks ?? {}).some((s) => path.resolve(outdir, s.workingDirectory ?? "") === path.resolve(stackDir));
  if (!named) {
    throw new PlanInputError(
      planFile,
      `plan of stack ${stack}, which the last synth into ${outdir} did not write (its ${MANIFEST_FILE} does not name it): a leftover of another config or selection; synth and plan again`,
    );
  }
}

interface Manifest {
  readonly stacks?: Record<string, { readonly workingDirectory?: string }>;
}

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}
