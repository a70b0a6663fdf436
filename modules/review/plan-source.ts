import * as fs from "node:fs";
import * as path from "node:path";
import { checkPlanFresh } from "./freshness";
import type { PlanDocument } from "./plan-json";
import { parsePlan, PlanInputError } from "./read-plan";
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
 * one holding `tfplan`, which `terraform show -json` renders (with the project's CLI config).
 */
export async function loadPlan(source: string): Promise<LoadedPlan> {
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat) throw new PlanInputError(source, "no such file or directory");
  if (!stat.isDirectory()) {
    const dir = path.dirname(path.resolve(source));
    checkPlanFresh(dir, source, path.basename(dir));
    return { source, dirName: path.basename(dir), stackDir: dir, plan: readPlanFile(source) };
  }
  const dirName = path.basename(path.resolve(source));
  const jsonFile = path.join(source, PLAN_JSON_FILE);
  if (fs.existsSync(jsonFile)) {
    checkPlanFresh(source, jsonFile, dirName);
    return { source, dirName, stackDir: path.resolve(source), plan: readPlanFile(jsonFile) };
  }
  const savedPlan = path.join(source, SAVED_PLAN_FILE);
  if (fs.existsSync(savedPlan)) {
    checkPlanFresh(source, savedPlan, dirName);
    return { source, dirName, stackDir: path.resolve(source), plan: parsePlan(await showSavedPlan(source), `${source} (terraform show -json ${SAVED_PLAN_FILE})`) };
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

async function showSavedPlan(dir: string): Promise<string> {
  try {
    return await terraform(dir, ["show", "-json", SAVED_PLAN_FILE]);
  } catch (error) {
    if (!(error instanceof TerraformFailure)) throw error;
    throw new PlanInputError(dir, `\`terraform show -json ${SAVED_PLAN_FILE}\` failed (run \`terraform init\` there first?): ${error.detail}`);
  }
}
