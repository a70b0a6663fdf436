import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { InvalidArgumentError } from "commander";
import { ensureHookBundle } from "../../hook-asset/bundle";
import { gateTripped, type GateLevel, renderMarkdown, reviewPlans, withDriftCheck } from "../../review";
import type { DriftReport } from "../../drift";
import { missingAwsCredentials } from "../../review/aws-credentials";
import { changeSetOf, everyStackNew, planSynths, type ChangeSet, type SynthOutput } from "../../review/change-set";
import { withChangeSet } from "../../review/change-set-report";
import { planStacks, synthRollout } from "../../review/plan-stacks";
import { REVIEW_FILE } from "../../review/plan-source";
import { findWave, isInputError, loadRolloutConfig, selectTargets } from "../../rollout";
import type { ResolvedRollout, ResolvedTarget, StackSelection } from "../../rollout";
import { cleanOutdir } from "../../stack/clean-outdir";
import { terraformAvailability } from "../../terraform-cli";
import { CliError, ExitCode } from "../exit-codes";
import { load } from "../lazy";
import { printJson } from "../output";
import { PACKAGE_ROOT } from "../../package-root";

export { REVIEW_FILE };

/** The config `npm run synth` uses when none is named. */
const EMBEDDED_CONFIG = path.join(PACKAGE_ROOT, "examples", "rollout.json");

export interface PlanReviewOptions {
  /** The PR's rollout config. @default ROLLOUT_CONFIG, else the embedded example */
  readonly config?: string;
  /** The config the PR starts from; only stacks whose synth differs from its synth are planned. */
  readonly baseConfig?: string;
  /** A git ref: the base is the PR's config file as it is at that ref. */
  readonly baseRef?: string;
  /** Plan every stack, changed or not (drift checks). @default false */
  readonly all?: boolean;
  /** Stacks planned at once. @default the CPU count, at most the wave's maxConcurrency with --wave */
  readonly parallelism?: number;
  readonly stack?: string[];
  readonly wave?: string;
  /** Checked by the option's choices (a usage error, exit 64, otherwise). */
  readonly failOn?: GateLevel;
  readonly json?: boolean;
}

/** `--parallelism`: a whole number of at least 1 (commander reports the throw in one line, exit 64). */
export function parseParallelism(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  }
  return n;
}

/**
 * `plan-review` (`npm run plan`): synthesize the PR's config (and the base's, into a scratch
 * folder), plan the stacks that are new or changed (every stack with --all or without a base),
 * several at once, and write cdktf.out/review.md. Exit 0 reviewed, 1 a stack failed to plan or
 * the input is invalid, 2 --fail-on tripped, 64 usage.
 */
export async function planReviewCommand(options: PlanReviewOptions): Promise<void> {
  const gate = options.failOn;
  if (options.baseConfig !== undefined && options.baseRef !== undefined) throw new CliError("plan-review: give --base-config or --base-ref, not both", ExitCode.usage);
  const log = (line: string) => process.stderr.write(`plan-review: ${line}\n`);
  const cwd = process.cwd();
  const configFile = options.config ?? (process.env.ROLLOUT_CONFIG || EMBEDDED_CONFIG);
  // As `npm run synth`: a flag wins over its variable (CAMPAIGNS_STACKS, CAMPAIGNS_WAVE).
  const stackIds = (options.stack ?? [process.env.CAMPAIGNS_STACKS ?? ""]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  const selection: StackSelection = { stacks: stackIds.length > 0 ? stackIds : undefined, wave: options.wave ?? (process.env.CAMPAIGNS_WAVE || undefined) };
  // Both configs are checked here, before anything is written: one line naming the file, the
  // JSON path and what was expected, the base named as such.
  const rollout = loadRolloutConfig(configFile);
  selectTargets(rollout, selection);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "plan-review-base-"));
  try {
    const base = loadBase(options, configFile, scratch);
    const terraform = terraformAvailability();
    if (!terraform.ok && !terraform.registryOnly) throw new CliError(`plan-review: ${terraform.reason}`);
    const outdir = path.join(cwd, "cdktf.out");
    const { pr, changes } = await synthAndCompare({ cwd, outdir, scratch, configFile, rollout, selection, base, all: options.all === true }, log);

    const toPlan = new Map([...pr.stacks].filter(([id]) => options.all || changes.stacks.get(id) === "new" || changes.stacks.get(id) === "changed"));
    const count = (change: string) => [...changes.stacks.values()].filter((c) => c === change).length;
    log(`${toPlan.size} to plan, ${count("unchanged")} unchanged${options.all ? " (planned too: --all)" : ", not planned"}, ${count("removed")} removed`);
    if (toPlan.size > 0) {
      const missing = await missingAwsCredentials();
      if (missing !== undefined) {
        throw new CliError(`plan-review: no AWS credentials for terraform plan (${missing}); set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run in a job with a role`);
      }
    }
    const results = await planStacks(toPlan, options.parallelism ?? defaultParallelism(rollout, selection.wave), log);
    const planned = results.filter((r) => r.error === undefined);
    const failed = results.flatMap((r) => (r.error === undefined ? [] : [{ stack: r.stack, dir: path.relative(cwd, r.dir), error: r.error }]));
    let report = withChangeSet(await reviewPlans(planned.map((r) => r.dir)), { base: base ? base.name : null, changes, failed });
    // --all: what the plans cannot see (terraform_data is never refreshed), checked live for the stacks planned.
    const drift = options.all && toPlan.size > 0 ? await driftOf(rollout, [...toPlan.keys()], options.parallelism, log) : undefined;
    if (drift) report = withDriftCheck(report, drift);

    const file = path.join(outdir, REVIEW_FILE);
    fs.writeFileSync(file, renderMarkdown(report));
    if (options.json) printJson(report);
    else {
      // The failed stacks are in the review too: "the review of 0 stack(s)" read as an empty one.
      const alsoFailed = failed.length > 0 ? `, and of ${failed.length} that failed to plan,` : "";
      process.stdout.write(`Wrote the review of ${report.stacks.length} stack(s)${alsoFailed} to ${path.relative(cwd, file)}\n`);
    }
    log(`done: ${planned.length} planned, ${report.unchanged?.length ?? 0} unchanged, ${report.removed?.length ?? 0} removed, ${failed.length} failed; risk ${report.risk}`);
    if (failed.length > 0) throw new CliError(`plan-review: ${failed.length} stack(s) failed to plan: ${failed.map((f) => f.stack).join(", ")} (see plan.log in each)`);
    if (drift && drift.errors.length > 0) throw new CliError(`plan-review: the drift check failed for ${drift.errors.map((e) => e.stack).join(", ")}: ${drift.errors[0].message}`);
    if (gate && gateTripped(report, gate)) {
      log(`${report.risk}-risk changes present (--fail-on ${gate})`);
      process.exitCode = ExitCode.gated;
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

interface SynthPair {
  readonly cwd: string;
  /** Where the PR's stacks go (cdktf.out), planned in place. */
  readonly outdir: string;
  /** Where the base's stacks go: a scratch folder, removed afterwards. */
  readonly scratch: string;
  readonly configFile: string;
  readonly rollout: ResolvedRollout;
  readonly selection: StackSelection;
  readonly base: Base | undefined;
  /** --all: every stack of the selection is synthesized (and planned), changed or not. */
  readonly all: boolean;
}

/**
 * Synthesizes what the review needs and compares it. Without a base: the selection, every stack
 * new. With one: only the stacks whose resolved target differs ({@link planSynths}), from both
 * configs at once (the PR's into cdktf.out, which then holds exactly those), compared by their
 * normalized cdk.tf.json; with --all, every stack of the PR's.
 */
async function synthAndCompare(pair: SynthPair, log: (line: string) => void): Promise<{ pr: SynthOutput; changes: ChangeSet }> {
  const { cwd, outdir, scratch, configFile, selection, base } = pair;
  // Rebuilt here, once, if stale: two synths at once would both rebuild it, one reading the
  // other's half-written file.
  ensureHookBundle();
  // The synth removes it too; gone from here on, so a run that stops early leaves no old review.
  fs.rmSync(path.join(outdir, REVIEW_FILE), { force: true });
  if (!base) {
    log("synthesizing the config");
    const pr = await synthRollout({ cwd, configFile, outdir, stacks: selection.stacks, wave: selection.wave }).catch(synthFailure);
    return { pr, changes: everyStackNew(pr) };
  }
  const prTargets = selectTargets(pair.rollout, selection);
  const plan = planSynths(prTargets, baseScope(base.rollout, pair.rollout, selection));
  const order = prTargets.map((t) => t.stackId);
  const prIds = pair.all ? order : plan.candidates;
  const baseIds = new Set(base.rollout.targets.map((t) => t.stackId));
  const baseSynthIds = plan.candidates.filter((id) => baseIds.has(id));
  log(`${plan.same.length} stack(s) with the same target in both configs; synthesizing ${prIds.length} of the config and ${baseSynthIds.length} of its base`);
  const [pr, baseOut] = await Promise.all([
    prIds.length > 0 ? synthRollout({ cwd, configFile, outdir, stacks: prIds }) : emptyOutdir(outdir),
    // The base synth runs in the scratch folder, its output in scratch/cdktf.out, as the PR's runs
    // in cwd into cwd/cdktf.out: relative config paths (backups, local state) are written relative
    // to each stack's folder, so only then do both synths write the same relative path and a
    // target that differs in nothing the stack holds (its wave, say) compares unchanged.
    baseSynthIds.length > 0
      ? synthRollout({ cwd: scratch, configFile: path.resolve(cwd, base.file), outdir: path.join(scratch, "cdktf.out"), stacks: baseSynthIds })
      : undefined,
  ]).catch(synthFailure);
  return { pr, changes: changeSetOf(plan, pr, baseOut ?? { outdir: scratch, stacks: new Map() }, order) };
}

/** Nothing to synthesize: cdktf.out is still left holding exactly that (no stack, no plan). */
async function emptyOutdir(outdir: string): Promise<SynthOutput> {
  fs.mkdirSync(outdir, { recursive: true });
  cleanOutdir(outdir, []);
  fs.rmSync(path.join(outdir, "manifest.json"), { force: true });
  return { outdir, stacks: new Map() };
}

interface Base {
  /** How the report names it: the file, or `<ref>:<file>`. */
  readonly name: string;
  readonly file: string;
  readonly rollout: ResolvedRollout;
}

/** The base config, from --base-config or from the PR's config file at --base-ref; validated. */
function loadBase(options: PlanReviewOptions, configFile: string, scratch: string): Base | undefined {
  let name: string;
  let file: string;
  if (options.baseConfig !== undefined) name = file = options.baseConfig;
  else if (options.baseRef !== undefined) {
    name = `${options.baseRef}:${configFile}`;
    file = path.join(scratch, `base-${path.basename(configFile)}`);
    fs.writeFileSync(file, configAtRef(options.baseRef, configFile));
  } else return undefined;
  try {
    return { name, file, rollout: loadRolloutConfig(file) };
  } catch (error) {
    if (!isInputError(error)) throw error;
    const message = options.baseRef !== undefined ? error.message.split(file).join(name) : error.message;
    throw new CliError(`plan-review: the base config (${options.baseRef !== undefined ? "--base-ref" : "--base-config"}) is invalid: ${message}`);
  }
}

/** `git show <ref>:./<file>`: the config as it was at that ref. */
function configAtRef(ref: string, configFile: string): string {
  const dir = path.dirname(path.resolve(configFile));
  try {
    return execFileSync("git", ["show", `${ref}:./${path.basename(configFile)}`], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split("\n")[0];
    throw new CliError(`plan-review: cannot read ${configFile} at --base-ref ${ref}: ${detail}`);
  }
}

/**
 * The base's targets that the selection covers: the same --wave or --stack selection where the
 * base has it; where it does not (a wave the PR adds, say), the base's targets the PR's selection
 * names. Without a selection, every target. A stack outside the scope is never called removed,
 * nor one the PR still has outside its selection (a target moved to another wave).
 */
function baseScope(base: ResolvedRollout, pr: ResolvedRollout, selection: StackSelection): ResolvedTarget[] {
  if (selection.stacks === undefined && selection.wave === undefined) return [...base.targets];
  let inBase: ResolvedTarget[];
  try {
    inBase = selectTargets(base, selection);
  } catch (error) {
    if (!isInputError(error)) throw error;
    const named = new Set(selection.stacks ?? []);
    inBase = base.targets.filter((t) => named.has(t.stackId));
  }
  const selected = new Set(selectTargets(pr, selection).map((t) => t.stackId));
  const elsewhere = new Set(pr.targets.map((t) => t.stackId).filter((id) => !selected.has(id)));
  return inBase.filter((t) => !elsewhere.has(t.stackId));
}

/** The drift check of the planned stacks (modules/drift, with the AWS SDK: loaded only for --all). */
async function driftOf(rollout: ResolvedRollout, stacks: readonly string[], parallelism: number | undefined, log: (line: string) => void): Promise<DriftReport> {
  const { checkDrift } = load<typeof import("../../drift")>("../drift");
  log(`drift check of ${stacks.length} stack(s) (what the plans cannot see)`);
  const { report } = await checkDrift(rollout, selectTargets(rollout, { stacks }), { parallelism });
  log(`drift check: ${report.inSync} in sync, ${report.findings.length} finding(s), ${report.errors.length} not checked`);
  return report;
}

/** `--parallelism` when not given: the CPU count, at most the wave's maxConcurrency with --wave. */
export function defaultParallelism(rollout: ResolvedRollout, wave: string | undefined, cpus = os.availableParallelism()): number {
  return wave === undefined ? cpus : Math.max(1, Math.min(cpus, findWave(rollout, wave).maxConcurrency));
}

function synthFailure(error: unknown): never {
  const synth = error as { stderr?: string };
  if (typeof synth.stderr === "string") throw new CliError(`plan-review: synth failed: ${synth.stderr.trim()}`);
  throw error;
}
