import * as fs from "node:fs";
import * as path from "node:path";
import { renderMarkdown, reviewPlans } from "../../review";
import { planStacks } from "../../review/plan-stacks";
import { TerraformFailure } from "../../terraform-cli";
import { terraformAvailability } from "../../terraform-cli";
import { CliError } from "../exit-codes";

/** The review's file, beside the stacks it reviews. */
export const REVIEW_FILE = "review.md";

/** `plan-review` (`npm run plan`): synth, plan every stack, write cdktf.out/review.md. */
export async function planReviewCommand(): Promise<void> {
  const terraform = terraformAvailability();
  if (!terraform.ok) throw new CliError(`plan-review: ${terraform.reason}`);
  const log = (line: string) => process.stderr.write(`plan-review: ${line}\n`);
  try {
    const { outdir, stackDirs } = await planStacks(process.cwd(), log);
    const file = path.join(outdir, REVIEW_FILE);
    fs.writeFileSync(file, renderMarkdown(await reviewPlans(stackDirs)));
    process.stdout.write(`Wrote the review of ${stackDirs.length} stack(s) to ${path.relative(process.cwd(), file)}\n`);
  } catch (error) {
    if (error instanceof TerraformFailure) throw new CliError(error.message);
    const synth = error as { stderr?: string };
    if (typeof synth.stderr === "string") throw new CliError(`plan-review: synth failed: ${synth.stderr.trim()}`);
    throw error;
  }
}
