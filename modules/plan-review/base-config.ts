import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { isInputError, loadRolloutConfig, selectTargets } from "../rollout";
import type { ResolvedRollout, ResolvedTarget, StackSelection } from "../rollout";
import { PlanReviewError } from "./errors";

/** Where the base config comes from: a file, or the config's own file at a git ref. */
export type BaseSource = { readonly file: string } | { readonly ref: string };

export interface BaseConfig {
  /** How the report names it: the file, or `<ref>:<file>`. */
  readonly name: string;
  readonly file: string;
  readonly rollout: ResolvedRollout;
  /** The config file does not exist at the ref: a config new in the pull request, every stack new. */
  readonly missing?: true;
}

/**
 * The base config, from a file or from the PR's config file at a git ref (written into
 * `scratch`); validated, its errors named as the base's. A config file that the ref does not
 * have (the pull request adds it) is an empty base: every stack is new.
 */
export function loadBase(source: BaseSource, configFile: string, scratch: string): BaseConfig {
  const option = "file" in source ? "--base-config" : "--base-ref";
  let name: string;
  let file: string;
  if ("file" in source) name = file = source.file;
  else {
    name = `${source.ref}:${configFile}`;
    file = path.join(scratch, `base-${path.basename(configFile)}`);
    const text = configAtRef(source.ref, configFile);
    if (text === undefined) return { name, file, rollout: { file: name, targets: [], waves: [] }, missing: true };
    fs.writeFileSync(file, text);
  }
  try {
    return { name, file, rollout: loadRolloutConfig(file) };
  } catch (error) {
    if (!isInputError(error)) throw error;
    const message = "ref" in source ? error.message.split(file).join(name) : error.message;
    throw new PlanReviewError(`plan-review: the base config (${option}) is invalid: ${message}`);
  }
}

/**
 * `git show <ref>:./<file>`: the config as it was at that ref; undefined when the ref exists and
 * has no such file (the config is new since). A ref git does not know is an error.
 */
function configAtRef(ref: string, configFile: string): string | undefined {
  const dir = path.dirname(path.resolve(configFile));
  const git = (args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  const spec = `${ref}:./${path.basename(configFile)}`;
  try {
    return git(["show", spec]);
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split("\n")[0];
    if (refExists(git, ref) && !pathExists(git, spec)) return undefined;
    throw new PlanReviewError(`plan-review: cannot read ${configFile} at --base-ref ${ref}: ${detail}`);
  }
}

function refExists(git: (args: string[]) => string, ref: string): boolean {
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

function pathExists(git: (args: string[]) => string, spec: string): boolean {
  try {
    git(["cat-file", "-e", spec]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The base's targets that the selection covers: the same --wave or --stack selection where the
 * base has it; where it does not (a wave the PR adds, say), the base's targets the PR's selection
 * names. Without a selection, every target. A stack outside the scope is never called removed,
 * nor one the PR still has outside its selection (a target moved to another wave).
 */
export function baseScope(base: ResolvedRollout, pr: ResolvedRollout, selection: StackSelection): ResolvedTarget[] {
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
