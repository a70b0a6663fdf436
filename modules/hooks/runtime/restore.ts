/**
 * Recreates campaigns from cleanup backups (see backup.ts for the layout and content), each
 * through the API its backup names: v1 CreateCampaign, or v2 CreateCampaign with every member
 * v2 DescribeCampaign returned (tags included).
 *
 * Every file is read and checked before anything is created: one bad file refuses the whole
 * restore, naming the file, rather than leaving a half-restored set behind. So is every
 * instance's listing (each campaign it answers must be that instance's: campaign-owner.ts).
 * A campaign whose name already exists on its instance is skipped, so a restore can be re-run.
 * Two backups of one name on one instance (two destroys into one directory, the campaign
 * recreated in between): the newest by its `backedUpAt` is restored and the others are reported
 * as older (a file without `backedUpAt`, from before it was recorded, counts by its file time).
 * Symbolic links under the directory are not followed: each is reported as skipped.
 * New campaigns get new ids (AWS assigns them) and start Initialized, not Running.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { HookExit } from "../contract";
import { requireAccount } from "./account-guard";
import { type Backup, parseBackup } from "./backup-file";
import type { CampaignApiVersion } from "./campaign-calls";
import { listInstanceCampaigns } from "./campaign-listing";
import { requireOwned } from "./campaign-owner";
import { CampaignsApi } from "./campaigns-api";
import { CampaignsV2Api } from "./campaigns-v2-api";
import { createClients, type HookClients } from "./clients";
import { HookFailure, type HookExitCode } from "./errors";
import { type OutputStreams, processStreams, Reporter } from "./report";
import { quotaMultiplier } from "./run-context";

export interface RestoreOptions {
  readonly dryRun?: boolean;
  /** Role to assume per account, `{account}` replaced: e.g. `arn:aws:iam::{account}:role/terraform-deploy`. */
  readonly roleTemplate?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly output?: OutputStreams;
  /** Client factory per account and region (tests, or a CLI with its own credentials). */
  readonly clientsFor?: (account: string, region: string) => HookClients;
}

/** `older-backup`: another backup of the same name on the instance is newer and is the one restored. */
export type RestoreOutcome = "created" | "exists" | "would-create" | "older-backup";

export interface RestoredCampaign {
  readonly file: string;
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
  readonly name: string;
  /** The API it is (or would be) created through: the one its backup names. */
  readonly api: CampaignApiVersion;
  /** The id in the backup (the deleted campaign's). */
  readonly backupId: string;
  /** The new campaign's id, when one was created. */
  readonly newId?: string;
  /** When the backup was written (its `backedUpAt`, else the file's modification time). */
  readonly backedUpAt: string;
  /** `older-backup` only: the newer backup of the same name, restored instead. */
  readonly newerFile?: string;
  readonly outcome: RestoreOutcome;
}

/** A path under the directory that restore did not read. */
export interface SkippedPath {
  readonly path: string;
  readonly reason: "symbolic-link";
}

export interface RestoreSummary {
  readonly event: "restore-summary";
  readonly dir: string;
  readonly found: number;
  readonly created: number;
  readonly existing: number;
  /** Backups not restored because a newer backup of the same name is (see RestoredCampaign.newerFile). */
  readonly olderSkipped: number;
  /** Symbolic links under the directory, not followed (listed in RestoreResult.skipped). */
  readonly linksSkipped: number;
  readonly dryRun: boolean;
}

export interface RestoreResult {
  readonly exitCode: HookExitCode;
  readonly summary: RestoreSummary;
  readonly campaigns: readonly RestoredCampaign[];
  readonly skipped: readonly SkippedPath[];
}

export async function restoreBackups(dir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const root = resolve(dir);
  const reporter = new Reporter(options.output ?? processStreams(), `restore ${root}`);
  const { backups, skipped } = await readBackups(root);
  for (const { path } of skipped) reporter.warn(`skipped ${path}: a symbolic link (restore does not follow links; copy the backups in instead)`);
  const env = options.env ?? process.env;
  const clientsFor =
    options.clientsFor ??
    ((account: string, region: string) =>
      createClients({
        region,
        roleArn: options.roleTemplate ? options.roleTemplate.replaceAll("{account}", account) : null,
        sessionLabel: "restore",
        quotaMultiplier: quotaMultiplier(env),
      }));

  // Every account's credentials are checked before anything is created: no half-done restore.
  const groups = [...groupBy(backups, (b) => `${b.account}/${b.region}`).values()].map((group) => {
    const { account, region } = group[0];
    return { group, account, region, clients: clientsFor(account, region) };
  });
  for (const { group, account, region, clients } of groups) {
    const scope = { stack: `restore ${account}/${region}` };
    await requireAccount(clients, account, scope, `restore ${group.length} campaign(s)`, `the backup (${group[0].file})`);
  }

  // Every instance's names, listed and checked, before anything is created.
  const instances = [];
  for (const { group, account, region, clients } of groups) {
    for (const onInstance of groupBy(group, (b) => b.instanceId).values()) {
      const instanceId = onInstance[0].instanceId;
      const scope = { stack: `restore ${account}/${region}`, instance: instanceId };
      const v1 = new CampaignsApi(clients.campaigns, scope);
      const v2 = new CampaignsV2Api(clients.campaignsV2, scope);
      const listed = await listInstanceCampaigns({ v1, v2 }, instanceId);
      requireOwned(listed, { account, region, instanceId }, scope, "ListCampaigns", "Nothing was created.");
      // Names are unique per instance across both APIs: a v2 campaign's name blocks a v1 one's.
      instances.push({ onInstance, account, region, instanceId, v1, v2, existing: new Set(listed.map((c) => c.name)) });
    }
  }

  const results: RestoredCampaign[] = [];
  for (const { onInstance, account, region, instanceId, v1, v2, existing } of instances) {
    for (const sameName of groupBy(onInstance, (b) => b.request.name).values()) {
      const [newest, ...older] = [...sameName].sort((a, b) => b.time - a.time || a.file.localeCompare(b.file));
      for (const backup of [newest, ...older]) {
        const { file, backupId, api } = backup;
        const base = { file, account, region, instanceId, name: backup.request.name, api, backupId, backedUpAt: new Date(backup.time).toISOString() };
        let result: RestoredCampaign;
        if (backup !== newest) result = { ...base, outcome: "older-backup", newerFile: newest.file };
        else if (existing.has(backup.request.name)) result = { ...base, outcome: "exists" };
        else if (options.dryRun) result = { ...base, outcome: "would-create" };
        else result = { ...base, outcome: "created", newId: await create(backup, v1, v2) };
        results.push(result);
        reporter.line(describeRestored(result));
      }
      existing.add(newest.request.name);
    }
  }
  const summary: RestoreSummary = {
    event: "restore-summary",
    dir: root,
    found: backups.length,
    created: results.filter((r) => r.outcome === "created").length,
    existing: results.filter((r) => r.outcome === "exists").length,
    olderSkipped: results.filter((r) => r.outcome === "older-backup").length,
    linksSkipped: skipped.length,
    dryRun: options.dryRun ?? false,
  };
  const wouldCreate = results.filter((r) => r.outcome === "would-create").length;
  const skippedText = [
    summary.olderSkipped ? `${summary.olderSkipped} older backup(s) of a name restored from a newer one` : "",
    summary.linksSkipped ? `${summary.linksSkipped} symbolic link(s) not followed` : "",
  ].filter(Boolean);
  reporter.line(
    `${summary.dryRun ? "dry run: would create" : "done: created"} ${summary.dryRun ? wouldCreate : summary.created} ` +
      `of ${summary.found} backed-up campaign(s), ${summary.existing} already there${skippedText.length ? `; skipped ${skippedText.join(", ")}` : ""}`,
  );
  reporter.summary(summary);
  return { exitCode: HookExit.ok, summary, campaigns: results, skipped };
}

function create(backup: Backup, v1: CampaignsApi, v2: CampaignsV2Api): Promise<string> {
  return backup.api === "v2" ? v2.createCampaign(backup.request) : v1.createCampaign(backup.request);
}

function describeRestored(r: RestoredCampaign): string {
  const where = `${r.account}/${r.region} instance ${r.instanceId}${r.api === "v2" ? " (v2)" : ""}`;
  if (r.outcome === "exists") return `"${r.name}" already exists on ${where}: skipped`;
  if (r.outcome === "older-backup") {
    return `skipped ${r.file}: an older backup of "${r.name}" on ${where} (backed up ${r.backedUpAt}); the newest is ${r.newerFile}`;
  }
  if (r.outcome === "would-create") return `would create "${r.name}" on ${where} from ${r.file}`;
  return `created "${r.name}" on ${where} as ${r.newId} (was ${r.backupId})`;
}

type TimedBackup = Backup & { readonly time: number };

/** Every backup under root, checked, with its time; refuses with every problem when any file is bad. */
async function readBackups(root: string): Promise<{ backups: TimedBackup[]; skipped: SkippedPath[] }> {
  const skipped: SkippedPath[] = [];
  let files: string[];
  try {
    files = (await jsonFilesUnder(root, skipped)).sort();
  } catch (error) {
    throw new HookFailure(`cannot read backup directory ${root}: ${(error as Error).message}`);
  }
  const backups: TimedBackup[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const parsed = parseBackup(file, await readFile(file, "utf8"));
    if (typeof parsed === "string") problems.push(`${file}: ${parsed}`);
    else backups.push({ ...parsed, time: parsed.backedUpAt ? Date.parse(parsed.backedUpAt) : (await stat(file)).mtimeMs });
  }
  if (problems.length > 0) {
    throw new HookFailure(
      `refusing to restore: ${problems.length} bad backup file(s), nothing was created:\n  ${problems.join("\n  ")}`,
    );
  }
  return { backups, skipped };
}

async function jsonFilesUnder(dir: string, skipped: SkippedPath[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) skipped.push({ path, reason: "symbolic-link" });
    else if (entry.isDirectory()) found.push(...(await jsonFilesUnder(path, skipped)));
    else if (entry.isFile() && entry.name.endsWith(".json")) found.push(path);
  }
  return found;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
