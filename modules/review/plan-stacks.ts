import * as fs from "node:fs";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PLAN_JSON_FILE, SAVED_PLAN_FILE } from "./plan-source";
import { terraformOutput as terraform } from "../terraform-cli";
import { appNodeArgs } from "../package-root";

const run = promisify(execFile);

export interface PlannedStacks {
  /** cdktf's output directory. */
  readonly outdir: string;
  /** Each stack directory, now holding tfplan and plan.json. */
  readonly stackDirs: readonly string[];
}

/**
 * `npm run plan`: synthesizes the app as `npm run synth` does (ROLLOUT_CONFIG, CAMPAIGNS_STACKS and
 * CAMPAIGNS_WAVE honoured), then for each stack of that synth: `terraform init`,
 * `terraform plan -out tfplan` and `terraform show -json tfplan > plan.json`. One stack at a time:
 * each plan already runs the provider's calls in parallel.
 */
export async function planStacks(cwd: string, log: (line: string) => void): Promise<PlannedStacks> {
  log("synthesizing the stacks");
  await run(process.execPath, appNodeArgs(), { cwd, maxBuffer: 64 * 1024 * 1024 });
  const outdir = path.join(cwd, "cdktf.out");
  // The manifest names the stacks of this synth only; stale stack folders of earlier ones stay out.
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { workingDirectory: string }> };
  const stackDirs: string[] = [];
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    const dir = path.join(outdir, stack.workingDirectory);
    log(`planning ${name}`);
    await terraform(dir, ["init", "-input=false"]);
    await terraform(dir, ["plan", "-input=false", `-out=${SAVED_PLAN_FILE}`]);
    fs.writeFileSync(path.join(dir, PLAN_JSON_FILE), await terraform(dir, ["show", "-json", SAVED_PLAN_FILE]));
    stackDirs.push(dir);
  }
  return { outdir, stackDirs };
}
