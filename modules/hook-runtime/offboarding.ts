/**
 * Offboarding an instance (destroy-time hook): removes the instance's campaigns configuration
 * and onboarding job so that the service-linked role can be deleted after it. Refuses while the
 * instance still has campaigns: the cleanup hook runs first and is where campaigns get deleted.
 */
import { HookExit, type OnboardingHookInput } from "../hook-contract";
import type { HookExitCode } from "./errors";
import { openRun, type RunOptions } from "./run-context";

export interface OffboardingResult {
  readonly exitCode: HookExitCode;
  /** Campaigns that made it refuse, by name and id. */
  readonly remainingCampaigns: readonly { readonly id: string; readonly name: string }[];
  readonly configDeleted: boolean;
  readonly jobDeleted: boolean;
}

export async function runOffboarding(input: OnboardingHookInput, options: RunOptions = {}): Promise<OffboardingResult> {
  const run = openRun(input, options);
  const remaining = (await run.api.listCampaigns(input.instance_id)).map((c) => ({ id: c.id ?? "", name: c.name ?? "" }));
  const summary = { event: "offboard-summary", stack: input.stack, instance: input.instance_id };
  if (remaining.length > 0) {
    run.reporter.warn(
      `refusing to offboard: the instance still has ${remaining.length} campaign(s); the cleanup hook must delete them first`,
    );
    for (const c of remaining) run.reporter.warn(`  - "${c.name}" (${c.id})`);
    run.reporter.summary({ ...summary, refused: true, remaining: remaining.length });
    return { exitCode: HookExit.refused, remainingCampaigns: remaining, configDeleted: false, jobDeleted: false };
  }
  // ResourceNotFound on either call means that part is already done (a re-run, or a manual offboard).
  const configDeleted = (await run.api.deleteInstanceConfig(input.instance_id)) === "deleted";
  const jobDeleted = (await run.api.deleteOnboardingJob(input.instance_id)) === "deleted";
  run.reporter.line(
    `offboarded: instance config ${configDeleted ? "deleted" : "already gone"}, onboarding job ${
      jobDeleted ? "deleted" : "already gone"
    }`,
  );
  run.reporter.summary({ ...summary, refused: false, configDeleted, jobDeleted });
  return { exitCode: HookExit.ok, remainingCampaigns: [], configDeleted, jobDeleted };
}
