import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureHookBundle } from "../hooks/asset/bundle";
import { reviewPlans, withDriftCheck } from "../review";
import type { ReviewReport } from "../review";
import type { DriftReport } from "../drift";
import { REVIEW_FILE } from "../review/plan-source";
import { renderMarkdown } from "../review/markdown";
import { findWave, loadRolloutConfig, selectTargets } from "../rollout";
import type { ResolvedRollout, StackSelection } from "../rollout";
import { cleanOutdir } from "../stack/clean-outdir";
import { terraformAvailability } from "../terraform-cli";
import { missingAwsCredentials } from "./aws-credentials";
import { baseScope, loadBase, type BaseConfig, type BaseSource } from "./base-config";
import { changeSetOf, everyStackNew, planSynths, type ChangeSet, type SynthOutput } from "./change-set";
import { withChangeSet } from "./change-set-report";
import { PlanReviewError } from "./errors";
import { planStacks, synthRollout } from "./plan-stacks";

export interface PlanReviewRequest {
  /** Where it runs: relative config paths resolve here, and the stacks go to `<cwd>/cdktf.out`. */
  readonly cwd: string;
  /** The PR's rollout config. */
  readonly configFile: string;
  /** Which of its stacks. @default every stack */
  readonly selection?: StackSelection;
  /** What the PR starts from: only stacks whose synth differs from its synth are planned. @default none: every stack is new */
  readonly base?: BaseSource;
  /** Plan every stack, changed or not, and check live what the plans cannot see (modules/drift). @default false */
  readonly all?: boolean;
  /** Stacks planned at once. @default {@link defaultParallelism} */
  readonly parallelism?: number;
}

export interface PlanReviewResult {
  /** The review: planned stacks with their plans, the unchanged, removed and failed ones. */
  readonly report: ReviewReport;
  /** Where its Markdown was written (`cdktf.out/review.md`). */
  readonly reviewFile: string;
  /** Stacks whose plan failed (each is in the report too, high risk). */
  readonly failed: readonly { readonly stack: string; readonly dir: string; readonly error: string }[];
  readonly planned: number;
  /** With `all`: the stacks the drift check could not check (each named with its error). */
  readonly driftErrors: DriftReport["errors"];
}

/**
 * plan-review: synthesize the PR's config (and the base's, into a scratch folder), plan the
 * stacks that are new or changed (every stack with `all` or without a base), several at once,
 * and write `cdktf.out/review.md`. Bad input, no Terraform, no AWS credentials or a failed synth
 * reject with a {@link PlanReviewError} before anything is planned; a stack that fails to plan
 * does not: it is in the result (and the review), and the others still plan.
 */
export async function planReview(request: PlanReviewRequest, log: (line: string) => void): Promise<PlanReviewResult> {
  const { cwd, configFile } = request;
  const selection = request.selection ?? {};
  // Both configs are checked here, before anything is written: one line naming the file, the
  // JSON path and what was expected, the base named as such.
  const rollout = loadRolloutConfig(configFile);
  selectTargets(rollout, selection);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "plan-review-base-"));
  try {
    const base = request.base === undefined ? undefined : loadBase(request.base, configFile, scratch);
    if (base?.missing) log(`${base.name} does not exist: the config is new, every stack of it is new`);
    const terraform = terraformAvailability();
    if (!terraform.ok && !terraform.registryOnly) throw new PlanReviewError(`plan-review: ${terraform.reason}`);
    const outdir = path.join(cwd, "cdktf.out");
    const { pr, changes } = await synthAndCompare({ cwd, outdir, scratch, configFile, rollout, selection, base, all: request.all === true }, log);

    const toPlan = new Map([...pr.stacks].filter(([id]) => request.all || changes.stacks.get(id) === "new" || changes.stacks.get(id) === "changed"));
    const count = (change: string) => [...changes.stacks.values()].filter((c) => c === change).length;
    log(`${toPlan.size} to plan, ${count("unchanged")} unchanged${request.all ? " (planned too: --all)" : ", not planned"}, ${count("removed")} removed`);
    if (toPlan.size > 0) {
      const missing = await missingAwsCredentials();
      if (missing !== undefined) {
        throw new PlanReviewError(`plan-review: no AWS credentials for terraform plan (${missing}); set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run in a job with a role`);
      }
    }
    const results = await planStacks(toPlan, request.parallelism ?? defaultParallelism(rollout, selection.wave), log);
    const planned = results.filter((r) => r.error === undefined);
    const failed = results.flatMap((r) => (r.error === undefined ? [] : [{ stack: r.stack, dir: path.relative(cwd, r.dir), error: r.error }]));
    let report = withChangeSet(await reviewPlans(planned.map((r) => r.dir)), { base: base ? base.name : null, baseMissing: base?.missing === true, changes, failed });
    // --all: what the plans cannot see (terraform_data is never refreshed), checked live for the stacks planned.
    const drift = request.all && toPlan.size > 0 ? await driftOf(rollout, [...toPlan.keys()], request.parallelism, log) : undefined;
    if (drift) report = withDriftCheck(report, drift);
    const reviewFile = path.join(outdir, REVIEW_FILE);
    fs.writeFileSync(reviewFile, renderMarkdown(report));
    return { report, reviewFile, failed, planned: planned.length, driftErrors: drift?.errors ?? [] };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The drift check of the planned stacks (modules/drift, with the AWS SDK: loaded only for --all). */
async function driftOf(rollout: ResolvedRollout, stacks: readonly string[], parallelism: number | undefined, log: (line: string) => void): Promise<DriftReport> {
  // A require, not import(): under tsx's CommonJS hook a dynamic import of a folder fails (ERR_UNSUPPORTED_DIR_IMPORT).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkDrift } = require("../drift") as typeof import("../drift");
  log(`drift check of ${stacks.length} stack(s) (what the plans cannot see)`);
  const { report } = await checkDrift(rollout, selectTargets(rollout, { stacks }), { parallelism });
  log(`drift check: ${report.inSync} in sync, ${report.findings.length} finding(s), ${report.errors.length} not checked`);
  return report;
}

/** Stacks planned at once when not given: the CPU count, at most the wave's maxConcurrency with a wave. */
export function defaultParallelism(rollout: ResolvedRollout, wave: string | undefined, cpus = os.availableParallelism()): number {
  return wave === undefined ? cpus : Math.max(1, Math.min(cpus, findWave(rollout, wave).maxConcurrency));
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
  readonly base: BaseConfig | undefined;
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

function synthFailure(error: unknown): never {
  const synth = error as { stderr?: string };
  if (typeof synth.stderr === "string") throw new PlanReviewError(`plan-review: synth failed: ${synth.stderr.trim()}`);
  throw error;
}
