import * as fs from "node:fs";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readSynthOutput, type SynthOutput } from "./change-set";
import { PLAN_JSON_FILE, PLAN_LOG_FILE, SAVED_PLAN_FILE } from "../review/plan-source";
import { pluginCacheDir, runTerraform, terraformEnv, terraformErrorSummary } from "../terraform-cli";
import { appNodeArgs } from "../package-root";

const run = promisify(execFile);


export interface SynthRequest {
  /** The directory the synth runs in (relative config paths resolve there). */
  readonly cwd: string;
  /** The rollout config. */
  readonly configFile: string;
  /** The output directory. */
  readonly outdir: string;
  /** Only these stacks (CAMPAIGNS_STACKS); undefined for every stack (or the environment's selection). */
  readonly stacks?: readonly string[];
  readonly wave?: string;
}

/** Synthesizes a rollout as `npm run synth` does, in a child process; resolves to what it wrote. */
export async function synthRollout(request: SynthRequest): Promise<SynthOutput> {
  const args = [...appNodeArgs(), "--output", request.outdir, "--config", request.configFile];
  if (request.wave !== undefined) args.push("--wave", request.wave);
  // Only what the request says: the caller's CAMPAIGNS_* are dropped. A long stack list goes
  // through the environment: a command line has a length limit.
  const env: NodeJS.ProcessEnv = { ...process.env, CAMPAIGNS_STACKS: request.stacks?.join(",") ?? "", CAMPAIGNS_WAVE: "" };
  await run(process.execPath, args, { cwd: request.cwd, env, maxBuffer: 64 * 1024 * 1024 });
  return readSynthOutput(request.outdir);
}

export interface StackPlanResult {
  readonly stack: string;
  readonly dir: string;
  /** Why the stack could not be planned (Terraform's first error); absent when planned. */
  readonly error?: string;
}

/**
 * One stack: `terraform init`, `plan -out tfplan`, `show -json tfplan > plan.json`, in the stack's
 * own folder; what init and plan print goes to plan.log there. Never rejects for a Terraform
 * failure: the result carries it, so the other stacks still plan.
 */
export async function planStack(stack: string, dir: string): Promise<StackPlanResult> {
  const log: string[] = [];
  const steps: (readonly string[])[] = [["init", "-input=false"], ["plan", "-input=false", `-out=${SAVED_PLAN_FILE}`], ["show", "-json", SAVED_PLAN_FILE]];
  try {
    for (const args of steps) {
      const result = await runTerraform(dir, args);
      const isShow = args[0] === "show";
      log.push(`$ terraform ${args.join(" ")}`, isShow ? "" : result.stdout, result.stderr);
      if (result.code !== 0) {
        return { stack, dir, error: `\`terraform ${args[0]}\` failed: ${terraformErrorSummary(result.stderr, result.code)}` };
      }
      if (isShow) fs.writeFileSync(path.join(dir, PLAN_JSON_FILE), result.stdout);
    }
    return { stack, dir };
  } catch (error) {
    return { stack, dir, error: (error as Error).message };
  } finally {
    fs.writeFileSync(path.join(dir, PLAN_LOG_FILE), log.join("\n"));
  }
}

/**
 * Plans stacks `parallelism` at a time, each in its own folder. Progress goes to `log` as each one
 * ends ("planned 3/8: campaigns-…", "FAILED 4/8: campaigns-…: why"). When providers come from a
 * registry through the shared plugin cache, the first stack's init runs alone: Terraform does not
 * promise that concurrent inits can fill the cache safely, and after one they only read it.
 */
export async function planStacks(stacks: ReadonlyMap<string, string>, parallelism: number, log: (line: string) => void): Promise<StackPlanResult[]> {
  const queue = [...stacks.entries()];
  const results: StackPlanResult[] = [];
  if (queue.length > 1 && pluginCacheDir(terraformEnv()) !== undefined) {
    await runTerraform(queue[0][1], ["init", "-input=false"]);
  }
  let done = 0;
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const result = await planStack(next[0], next[1]);
      results.push(result);
      done++;
      log(result.error === undefined ? `planned ${done}/${stacks.size}: ${result.stack}` : `FAILED ${done}/${stacks.size}: ${result.stack}: ${result.error}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, Math.max(queue.length, 1)) }, worker));
  // The synth's order, not the finishing order: the review reads the same way every run.
  const order = [...stacks.keys()];
  return results.sort((a, b) => order.indexOf(a.stack) - order.indexOf(b.stack));
}
