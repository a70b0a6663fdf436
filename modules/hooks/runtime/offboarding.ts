/**
 * Offboarding an instance (destroy-time hook): removes the instance's campaigns configuration
 * and onboarding job so that the service-linked role can be deleted after it. Refuses while the
 * instance still has campaigns (v1 or v2): the cleanup hook runs first and is where campaigns
 * get backed up and deleted.
 *
 * The config is deleted through v2's DeleteConnectInstanceConfig, which takes a
 * campaignDeletionPolicy, always `RETAIN_ALL` here: `DELETE_ALL` deletes campaigns without
 * backups, and this hook holds neither the deletion guard nor the backup settings (those are the
 * cleanup hook's input). A campaign created after our listing is kept, and the role deletion
 * after us then fails naming it, rather than the campaign being lost. (v1's call has no policy.)
 *
 * An instance that is not onboarded any more (offboarded outside Terraform: what `drift` reports
 * as not-onboarded, fixed with `apply -replace=` of the onboarding) has nothing to offboard: the
 * hook deletes only a leftover onboarding job and succeeds, keeping any campaigns it still holds,
 * so that the replacement can onboard it again.
 */
import { HookExit, type OnboardingHookInput } from "../contract";
import { requireAccount } from "./account-guard";
import { campaignLabel, listInstanceCampaigns } from "./campaign-listing";
import { requireOwned } from "./campaign-owner";
import type { CampaignApiVersion } from "./campaign-calls";
import type { HookExitCode } from "./errors";
import { openRun, type RunOptions } from "./run-context";

export interface OffboardingResult {
  readonly exitCode: HookExitCode;
  /** Campaigns that made it refuse, by name and id. */
  readonly remainingCampaigns: readonly { readonly id: string; readonly name: string; readonly api: CampaignApiVersion }[];
  readonly configDeleted: boolean;
  readonly jobDeleted: boolean;
}

export async function runOffboarding(input: OnboardingHookInput, options: RunOptions = {}): Promise<OffboardingResult> {
  const run = openRun(input, options);
  await requireAccount(run.clients, input.account, run.scope, "offboard the instance");
  const summary = { event: "offboard-summary", stack: input.stack, instance: input.instance_id };
  if ((await run.api.instanceConfig(input.instance_id)) === "gone") {
    const jobDeleted = (await run.api.deleteOnboardingJob(input.instance_id)) === "deleted";
    run.reporter.line(`already offboarded: the instance has no campaigns config (nothing deleted; any campaigns it holds are kept), onboarding job ${jobDeleted ? "deleted" : "already gone"}`);
    run.reporter.summary({ ...summary, refused: false, alreadyOffboarded: true, configDeleted: false, jobDeleted });
    return { exitCode: HookExit.ok, remainingCampaigns: [], configDeleted: false, jobDeleted };
  }
  const remaining = await listInstanceCampaigns(run.apis, input.instance_id);
  // Another instance's campaigns in the answer say nothing about this one: refuse rather than guess.
  requireOwned(remaining, { account: input.account, region: input.region, instanceId: input.instance_id }, run.scope, "ListCampaigns", "Nothing was offboarded.");
  if (remaining.length > 0) {
    run.reporter.warn(
      `refusing to offboard: the instance still has ${remaining.length} campaign(s); the cleanup hook must delete them first`,
    );
    for (const c of remaining) run.reporter.warn(`  - ${campaignLabel(c)}`);
    run.reporter.summary({ ...summary, refused: true, remaining: remaining.length });
    const remainingCampaigns = remaining.map(({ id, name, api }) => ({ id, name, api }));
    return { exitCode: HookExit.refused, remainingCampaigns, configDeleted: false, jobDeleted: false };
  }
  // ResourceNotFound on either call means that part is already done (a re-run, or a manual offboard).
  const configDeleted = (await run.apiV2.deleteInstanceConfig(input.instance_id, "RETAIN_ALL")) === "deleted";
  const jobDeleted = (await run.api.deleteOnboardingJob(input.instance_id)) === "deleted";
  run.reporter.line(
    `offboarded: instance config ${configDeleted ? "deleted" : "already gone"}, onboarding job ${
      jobDeleted ? "deleted" : "already gone"
    }`,
  );
  run.reporter.summary({ ...summary, refused: false, configDeleted, jobDeleted });
  return { exitCode: HookExit.ok, remainingCampaigns: [], configDeleted, jobDeleted };
}
