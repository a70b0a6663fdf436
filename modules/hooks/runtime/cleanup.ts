/**
 * The destroy-time cleanup of an instance's campaigns, v1 and v2 alike: guard, back up, stop,
 * delete, verify. Each campaign goes through the API it answers to (campaign-listing.ts).
 *
 * What is checked before anything is deleted (the README of modules/hooks/cleanup lists it too):
 * the credentials' account (account-guard.ts); that every listed and every described campaign is
 * the instance's, in the stack's account and Region (campaign-owner.ts); and that every backup of
 * the round is on disk, flushed, and reads back as restore reads it (backup.ts). Each round backs
 * up all the campaigns it found before it deletes any, so a refusal deletes nothing.
 *
 * On the first failure (a call AWS refused, a backup that cannot be written or uploaded) the run
 * takes no more work: calls in flight settle, the summary says what was done, and the hook fails.
 *
 * Every step is safe to repeat, so a hook killed at any point (SIGKILL included) finishes the
 * job when run again: a campaign is deleted only after its backup file is complete, backups are
 * replaced atomically, and "not found" from AWS means someone (maybe our killed run) already
 * deleted it.
 *
 * API calls per campaign: one DescribeCampaign (the backup), one DeleteCampaign, plus one
 * GetCampaignStateBatch per 25 campaigns of an API: DescribeCampaign (v1 and v2) carries no
 * state, and a Running or Paused campaign must be stopped before it is deleted. StopCampaign
 * only for those. Listing costs one ListCampaigns per 50 campaigns per API, and at least one per API.
 */
import { HookExit, type CleanupHookInput } from "../contract";
import { requireAccount } from "./account-guard";
import { backUpCampaign, backupPath, backupRoot, type BackupTarget } from "./backup";
import { type CampaignApiVersion, type OrGone, STATE_BATCH_SIZE } from "./campaign-calls";
import { campaignLabel, type CampaignApis, campaignStates, type FoundCampaign, listInstanceCampaigns } from "./campaign-listing";
import { requireOwned } from "./campaign-owner";
import { causeOf, describeError, describeScope, HookFailure, isWrongState, type HookExitCode } from "./errors";
import { chunks, mapPool, sleep, WorkStop } from "./pool";
import { openRun, type RunContext, type RunOptions } from "./run-context";

/** Chunks in flight: the next chunk's state batch and stops overlap this chunk's deletes. */
const CHUNKS_IN_FLIGHT = 2;
/** Calls in flight per chunk; pacing, not this, sets the request rate. */
const CALLS_IN_FLIGHT = 5;
/** List-and-delete rounds before giving up on campaigns that keep appearing. */
const MAX_ROUNDS = 6;
const DELETE_ATTEMPTS = 4;

export interface CleanupSummary {
  readonly event: "cleanup-summary";
  readonly stack: string;
  readonly instance: string;
  readonly found: number;
  readonly backedUp: number;
  readonly stopped: number;
  readonly deleted: number;
  readonly alreadyGone: number;
  readonly backupDir: string;
  readonly dryRun: false;
  /**
   * The run refused (exit 3): campaigns exist and deletion is not allowed, or an answer named a
   * campaign that is not the instance's. Nothing was deleted.
   */
  readonly refused: boolean;
  /** Present when the run failed or refused midway: why it stopped (the counts say what was done before). */
  readonly error?: string;
}

export interface CleanupResult {
  readonly exitCode: HookExitCode;
  readonly summary: CleanupSummary;
  readonly campaigns: readonly CampaignOutcome[];
}

export interface CampaignOutcome {
  readonly id: string;
  readonly name: string;
  /** The API it was described, backed up, stopped and deleted through. */
  readonly api: CampaignApiVersion;
  /** The backup file, absent when the campaign was gone before it could be described. */
  readonly backupPath?: string;
  readonly stopped: boolean;
  readonly result: "deleted" | "already-gone";
}

/**
 * A cleanup that stopped at a failure, after the calls in flight settled: the message is the
 * first failure's, `result` what was done before it (its summary was printed last).
 */
export class CleanupFailure extends HookFailure {
  constructor(
    failure: HookFailure,
    readonly result: CleanupResult,
  ) {
    super(failure.message, failure.exitCode);
  }
}

export interface PlannedCampaign {
  readonly id: string;
  readonly name: string;
  readonly api: CampaignApiVersion;
  /** v2 only: TELEPHONY, SMS, EMAIL, WHATSAPP. */
  readonly channelSubtypes?: readonly string[];
  /** v1's states, and v2's (which adds Completed). */
  readonly state: OrGone<string> | "unknown";
  readonly backupPath: string;
}

export interface CleanupPlanSummary {
  readonly event: "cleanup-plan";
  readonly stack: string;
  readonly instance: string;
  readonly found: number;
  readonly wouldStop: number;
  readonly backupDir: string;
  readonly dryRun: true;
  /** The real run would refuse (allow_campaign_deletion is false). */
  readonly wouldRefuse: boolean;
}

export interface CleanupPlan {
  readonly exitCode: HookExitCode;
  readonly summary: CleanupPlanSummary;
  readonly campaigns: readonly PlannedCampaign[];
}

export const isActive = (state: OrGone<string> | "unknown" | undefined): boolean => state === "Running" || state === "Paused";

/** Dry run: what {@link runCleanup} would back up, stop and delete. Reads only; writes nothing. */
export async function planCleanup(input: CleanupHookInput, options: RunOptions = {}): Promise<CleanupPlan> {
  const run = openRun(input, options);
  const root = backupRoot(input, run.env, options.cwd);
  // A dry run in the wrong account would list another account's campaigns as this stack's.
  await requireAccount(run.clients, input.account, run.scope, "plan the cleanup");
  const listed = await listInstanceCampaigns(run.apis, input.instance_id);
  requireOwned(listed, where(input), run.scope, "ListCampaigns", "Nothing was changed.");
  const states = await campaignStates(run.apis, listed);
  const campaigns = listed.map(
    (c): PlannedCampaign => ({
      id: c.id,
      name: c.name,
      api: c.api,
      ...(c.channelSubtypes ? { channelSubtypes: c.channelSubtypes } : {}),
      state: states.get(c.id) ?? "unknown",
      backupPath: backupPath(root, where(input), c.id),
    }),
  );
  for (const c of campaigns) {
    const stop = isActive(c.state) ? ", stop" : "";
    run.reporter.line(`would back up ${campaignLabel(c, c.state)} to ${c.backupPath}${stop}, delete`);
  }
  const wouldRefuse = campaigns.length > 0 && !input.allow_campaign_deletion;
  const wouldStop = campaigns.filter((c) => isActive(c.state)).length;
  run.reporter.line(`dry run: would back up and delete ${campaigns.length} campaign(s), stopping ${wouldStop} first; nothing was changed`);
  if (wouldRefuse) run.reporter.line(refusalAdvice(input));
  const summary: CleanupPlanSummary = {
    event: "cleanup-plan",
    stack: input.stack,
    instance: input.instance_id,
    found: campaigns.length,
    wouldStop,
    backupDir: root,
    dryRun: true,
    wouldRefuse,
  };
  run.reporter.summary(summary);
  return { exitCode: HookExit.ok, summary, campaigns };
}

export async function runCleanup(input: CleanupHookInput, options: RunOptions = {}): Promise<CleanupResult> {
  const run = openRun(input, options);
  const root = backupRoot(input, run.env, options.cwd);
  const outcomes = new Map<string, CampaignOutcome>();
  /** Backups written this run (a campaign may be backed up and not yet deleted when a run stops). */
  const backups = new Map<string, string>();
  await requireAccount(run.clients, input.account, run.scope, "clean up campaigns");
  const owner = where(input);
  const listCampaigns = async (): Promise<FoundCampaign[]> => {
    const found = await listInstanceCampaigns(run.apis, input.instance_id);
    requireOwned(found, owner, run.scope, "ListCampaigns", outcomes.size ? "No more campaigns were deleted." : "Nothing was deleted.");
    return found;
  };
  let listed = await listCampaigns();
  const summarize = (refused: boolean, error?: string): CleanupSummary => ({
    event: "cleanup-summary",
    stack: input.stack,
    instance: input.instance_id,
    found: refused && !error ? listed.length : outcomes.size,
    backedUp: backups.size,
    stopped: count(outcomes, (o) => o.stopped),
    deleted: count(outcomes, (o) => o.result === "deleted"),
    alreadyGone: count(outcomes, (o) => o.result === "already-gone"),
    backupDir: root,
    dryRun: false,
    refused,
    ...(error === undefined ? {} : { error }),
  });

  if (listed.length > 0 && !input.allow_campaign_deletion) {
    refuse(listed, input, run);
    const summary = summarize(true);
    run.reporter.summary(summary);
    return { exitCode: HookExit.refused, summary, campaigns: [] };
  }

  const target: BackupTarget = { root, where: owner, s3Bucket: input.backup_s3_bucket, clients: run.clients, scope: run.scope };
  try {
    for (let round = 1; listed.length > 0; round++) {
      const fresh = listed.filter((c) => !outcomes.has(c.id));
      if (round > MAX_ROUNDS) {
        const names = listed.map((c) => campaignLabel(c)).join(", ");
        throw new HookFailure(`${describeScope(run.scope)}: campaigns still listed after ${MAX_ROUNDS} rounds: ${names}`);
      }
      if (fresh.length === 0) {
        // Only campaigns we deleted are still listed: the listing lags behind; give it time.
        await sleep(1000 * 2 ** (round - 1));
      } else {
        const total = outcomes.size + fresh.length;
        const record = (outcome: CampaignOutcome): void => {
          outcomes.set(outcome.id, outcome);
          run.reporter.line(describeOutcome(outcome));
          run.reporter.progress(outcomes.size, total, "campaigns");
        };
        const stop = new WorkStop();
        const backedUp = await backUpAll(fresh, target, run.apis, record, backups, stop);
        await mapPool(chunks(backedUp, STATE_BATCH_SIZE), CHUNKS_IN_FLIGHT, (chunk) => deleteChunk(chunk, run.apis, record, stop), stop);
      }
      listed = await listCampaigns();
    }
  } catch (error) {
    throw stopped(error, summarize, outcomes, backups, run);
  }

  const summary = summarize(false);
  run.reporter.line(
    `done: ${summary.deleted} deleted, ${summary.alreadyGone} already gone, ${summary.stopped} stopped first, ` +
      `${summary.backedUp} backed up under ${root}`,
  );
  run.reporter.summary(summary);
  return { exitCode: HookExit.ok, summary, campaigns: [...outcomes.values()] };
}

/** A run that stopped: says what was done, prints the summary, and returns the failure to throw. */
function stopped(
  error: unknown,
  summarize: (refused: boolean, error?: string) => CleanupSummary,
  outcomes: Map<string, CampaignOutcome>,
  backups: Map<string, string>,
  run: RunContext,
): CleanupFailure {
  const failure = error instanceof HookFailure ? error : new HookFailure(`${describeScope(run.scope)}: unexpected ${describeError(error)}`);
  const summary = summarize(failure.exitCode === HookExit.refused, failure.message);
  const notDeleted = [...backups.keys()].filter((id) => !outcomes.has(id)).length;
  run.reporter.warn(
    `stopped at the first failure, after the calls in flight settled: ${summary.deleted} deleted, ${summary.alreadyGone} already gone, ` +
      `${summary.backedUp} backed up (${notDeleted} of them not deleted); no further campaign was touched`,
  );
  run.reporter.summary(summary);
  return new CleanupFailure(failure, { exitCode: failure.exitCode, summary, campaigns: [...outcomes.values()] });
}

/**
 * Describes and backs up every campaign before any is deleted: each answer is checked to be the
 * listed campaign of this instance, and each backup to read back as restore reads it. Campaigns
 * gone in the meantime are recorded as already gone.
 */
async function backUpAll(
  fresh: readonly FoundCampaign[],
  target: BackupTarget,
  apis: CampaignApis,
  record: (outcome: CampaignOutcome) => void,
  backups: Map<string, string>,
  stop: WorkStop,
): Promise<BackedUp[]> {
  const backedUp: BackedUp[] = [];
  await mapPool(
    fresh,
    CALLS_IN_FLIGHT,
    async ({ id, name, api, channelSubtypes }) => {
      const campaign = await apis[api].describeCampaign(id);
      if (campaign === "gone") return record({ id, name, api, stopped: false, result: "already-gone" });
      requireOwned([campaign], target.where, target.scope, `DescribeCampaign ${id}`, "Nothing more was deleted.");
      if (campaign.id !== id) {
        throw new HookFailure(
          `${describeScope(target.scope)}: refusing: DescribeCampaign ${id} answered campaign ${String(campaign.id)}. Nothing more was deleted.`,
          HookExit.refused,
        );
      }
      const backupPath = await backUpCampaign(target, api, id, campaign);
      backups.set(id, backupPath);
      backedUp.push({ id, name, api, ...(channelSubtypes ? { channelSubtypes } : {}), backupPath });
    },
    stop,
  );
  return backedUp;
}

type BackedUp = Pick<FoundCampaign, "id" | "name" | "api" | "channelSubtypes"> & { readonly backupPath: string };

/** Stops the active campaigns of the chunk (states read in one batch) and deletes them all. */
async function deleteChunk(chunk: readonly BackedUp[], apis: CampaignApis, record: (outcome: CampaignOutcome) => void, stop: WorkStop): Promise<void> {
  const states = await campaignStates(apis, chunk);
  await mapPool(
    chunk,
    CALLS_IN_FLIGHT,
    async ({ id, name, api, backupPath }) => {
      const calls = apis[api];
      const state = states.get(id);
      const stopped = isActive(state) && (await calls.stopCampaign(id)) === "stopped";
      const deleted = state === "gone" ? "gone" : await deleteCampaign(calls, id);
      record({ id, name, api, backupPath, stopped, result: deleted === "gone" ? "already-gone" : "deleted" });
    },
    stop,
  );
}

/**
 * DeleteCampaign, stopping the campaign first if AWS says its state forbids the delete: it may
 * have been started after we read its state, or a stop may not have settled yet.
 */
async function deleteCampaign(api: CampaignApis[CampaignApiVersion], id: string): Promise<OrGone<"deleted">> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.deleteCampaign(id);
    } catch (error) {
      if (!isWrongState(causeOf(error)) || attempt === DELETE_ATTEMPTS) throw error;
      if ((await api.stopCampaign(id)) === "gone") return "gone";
      await sleep(500 * 2 ** attempt);
    }
  }
}

function describeOutcome(outcome: CampaignOutcome): string {
  const label = campaignLabel(outcome);
  if (outcome.result === "already-gone" && !outcome.backupPath) return `${label}: already gone (deleted by someone else)`;
  const steps = ["backed up", ...(outcome.stopped ? ["stopped"] : []), outcome.result === "deleted" ? "deleted" : "already gone"];
  return `${label}: ${steps.join(" → ")}`;
}

function refuse(listed: readonly FoundCampaign[], input: CleanupHookInput, run: RunContext): void {
  run.reporter.warn(
    `refusing to delete ${listed.length} campaign(s) of instance ${input.instance_id}: allow_campaign_deletion is false. ` +
      "Nothing was deleted and no backup was written.",
  );
  for (const c of listed) run.reporter.warn(`  - ${campaignLabel(c)}`);
  run.reporter.warn(refusalAdvice(input));
}

function refusalAdvice(input: CleanupHookInput): string {
  return (
    `To allow deletion, set "allowCampaignDeletion": true for this target in the rollout config, re-synthesize and apply, ` +
    `then destroy (an instance or target marked "retired" runs with the value in state, which its apply no longer ` +
    `updates: take "retired" off, apply with deletion allowed, then mark it retired again); or review \`npx connect-campaigns-iac cleanup --config <file> --stack ${input.stack} --dry-run\` ` +
    `and run it with --allow-deletion.`
  );
}

const where = (input: CleanupHookInput) => ({ account: input.account, region: input.region, instanceId: input.instance_id });

function count<T>(items: Map<string, T>, predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items.values()) if (predicate(item)) n++;
  return n;
}
