import { riskGateTripped, type RiskGateLevel, PlanInputError, renderMarkdown, reviewPlans } from "../../review";
import { CliError, ExitCode } from "../exit-codes";
import { printJson } from "../output";

export interface ReviewCommandOptions {
  readonly json?: boolean;
  readonly live?: boolean;
  /** Checked by the option's choices (a usage error, exit 64, otherwise). */
  readonly failOn?: RiskGateLevel;
}

/** `review <plan.json | stack dir>... [--json] [--live] [--fail-on high|medium]` */
export async function reviewCommand(sources: string[], options: ReviewCommandOptions): Promise<void> {
  try {
    const gate = options.failOn;
    const report = await reviewPlans(sources, { live: options.live });
    if (options.json) printJson(report);
    else process.stdout.write(renderMarkdown(report));
    if (gate && riskGateTripped(report, gate)) {
      process.stderr.write(`review: ${report.risk}-risk changes present (--fail-on ${gate})\n`);
      process.exitCode = ExitCode.gated;
    }
  } catch (error) {
    if (error instanceof PlanInputError) throw new CliError(error.message);
    throw error;
  }
}
