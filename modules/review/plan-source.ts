import * as fs from "node:fs";
import * as path from "node:path";
import { checkPlanFresh } from "./freshness";
import type { PlanDocument } from "./plan-json";
import { parsePlan, PlanInputError } from "./read-plan";
import { foreignPlanProblem } from "./stack-identity";
import { terraformOutput as terraform, TerraformFailure } from "../terraform-cli";

/** The saved plan and its JSON form inside a stack directory (as `npm run plan` leaves them). */
export const PLAN_JSON_FILE = "plan.json";
export const SAVED_PLAN_FILE = "tfplan";
/** Each stack's Terraform output (init, plan) from `plan-review`, kept beside its plan. */
export const PLAN_LOG_FILE = "plan.log";
/** `plan-review`'s review, at the root of the output directory it plans in. */
export const REVIEW_FILE = "review.md";

export interface LoadedPlan {
  /** What the user named: a file or a stack directory. */
  readonly source: string;
  /** The stack directory's name (or the plan file's folder): the first clue to the stack's identity. */
  readonly dirName: string;
  /** The stack directory (or the plan file's folder): where the stack's hooks run, and so what their relative paths are relative to. */
  readonly stackDir: string;
  readonly plan: PlanDocument;
}

/**
 * Reads one argument of `review`: a JSON plan file, or a stack directory holding `plan.json`, or
 * one holding `tfplan`, which `terraform show -json` renders (with the project's CLI config) — also
 * when both are there and `tfplan` is the newer: the review is of the plan that would be applied.
 * A plan whose contents name another stack than its folder is refused, naming both.
 */
export async function loadPlan(source: string): Promise<LoadedPlan> {
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat) throw new PlanInputError(source, "no such file or directory");
  if (!stat.isDirectory()) {
    const dir = path.dirname(path.resolve(source));
    checkPlanFresh(dir, source, path.basename(dir));
    return owned({ source, dirName: path.basename(dir), stackDir: dir, plan: readPlanFile(source) }, source);
  }
  const dirName = path.basename(path.resolve(source));
  const stackDir = path.resolve(source);
  const jsonFile = path.join(source, PLAN_JSON_FILE);
  const savedPlan = path.join(source, SAVED_PLAN_FILE);
  const json = fs.statSync(jsonFile, { throwIfNoEntry: false });
  const saved = fs.statSync(savedPlan, { throwIfNoEntry: false });
  // The plan that would be applied is tfplan: plan.json stands for it only when rendered after it.
  if (json && !(saved && saved.mtimeMs > json.mtimeMs)) {
    checkPlanFresh(source, jsonFile, dirName);
    return owned({ source, dirName, stackDir, plan: readPlanFile(jsonFile) }, jsonFile);
  }
  if (saved) {
    checkPlanFresh(source, savedPlan, dirName);
    const why = json ? `${SAVED_PLAN_FILE} is newer than ${PLAN_JSON_FILE} (it is what \`terraform apply ${SAVED_PLAN_FILE}\` applies), so it is reviewed instead, ` : "";
    const rendered = await showSavedPlan(source, dirName, why);
    return owned({ source, dirName, stackDir, plan: parsePlan(rendered, `${source} (terraform show -json ${SAVED_PLAN_FILE})`) }, savedPlan);
  }
  throw new PlanInputError(
    source,
    `no ${PLAN_JSON_FILE} or ${SAVED_PLAN_FILE} here: expected a stack directory after \`terraform plan -out ${SAVED_PLAN_FILE}\` (or a JSON plan file)`,
  );
}

function readPlanFile(file: string): PlanDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new PlanInputError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parsePlan(text, file);
}

/** `terraform show -json tfplan`, rendered fresh; a failure is refused naming the stack (`why` says why tfplan was chosen). */
async function showSavedPlan(dir: string, stack: string, why = ""): Promise<string> {
  try {
    return await terraform(dir, ["show", "-json", SAVED_PLAN_FILE]);
  } catch (error) {
    if (!(error instanceof TerraformFailure)) throw error;
    throw new PlanInputError(dir, `stack ${stack}: ${why}but \`terraform show -json ${SAVED_PLAN_FILE}\` failed (run \`terraform init\` there first?): ${error.detail}`);
  }
}

/** The loaded plan, refused when its contents belong to another stack than its folder's. */
function owned(loaded: LoadedPlan, file: string): LoadedPlan {
  const problem = foreignPlanProblem(loaded.plan, loaded.dirName);
  if (problem) throw new PlanInputError(file, problem);
  return loaded;
}
