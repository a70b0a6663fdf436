/**
 * Recreates campaigns from cleanup backups (see backup.ts for the layout and content), each
 * through the API its backup names: v1 CreateCampaign, or v2 CreateCampaign with every member
 * v2 DescribeCampaign returned (tags included).
 *
 * Every file is read and checked before anything is created: one bad file refuses the whole
 * restore, naming the file, rather than leaving a half-restored set behind.
 * A campaign whose name already exists on its instance is skipped, so a restore can be re-run.
 * New campaigns get new ids (AWS assigns them) and start Initialized, not Running.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { HookExit } from "../hook-contract";
import { requireAccount } from "./account-guard";
import { type Backup, parseBackup } from "./backup-file";
import type { CampaignApiVersion } from "./campaign-calls";
import { listInstanceCampaigns } from "./campaign-listing";
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

export type RestoreOutcome = "created" | "exists" | "would-create";

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
  readonly outcome: RestoreOutcome;
}

export interface RestoreSummary {
  readonly event: "restore-summary";
  readonly dir: string;
  readonly found: number;
  readonly created: number;
  readonly existing: number;
  readonly dryRun: boolean;
}

export interface RestoreResult {
  readonly exitCode: HookExitCode;
  readonly summary: RestoreSummary;
  readonly campaigns: readonly RestoredCampaign[];
}

export async function restoreBackups(dir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const root = resolve(dir);
  const reporter = new Reporter(options.output ?? processStreams(), `restore ${root}`);
  const backups = await readBackups(root);
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

  const results: RestoredCampaign[] = [];
  for (const { group, account, region, clients } of groups) {
    for (const onInstance of groupBy(group, (b) => b.instanceId).values()) {
      const instanceId = onInstance[0].instanceId;
      const scope = { stack: `restore ${account}/${region}`, instance: instanceId };
      const v1 = new CampaignsApi(clients.campaigns, scope);
      const v2 = new CampaignsV2Api(clients.campaignsV2, scope);
      // Names are unique per instance across both APIs: a v2 campaign's name blocks a v1 one's.
      const existing = new Set((await listInstanceCampaigns({ v1, v2 }, instanceId)).map((c) => c.name));
      for (const backup of onInstance) {
        const { file, backupId, api } = backup;
        const base = { file, account, region, instanceId, name: backup.request.name, api, backupId };
        let result: RestoredCampaign;
        if (existing.has(backup.request.name)) result = { ...base, outcome: "exists" };
        else if (options.dryRun) result = { ...base, outcome: "would-create" };
        else result = { ...base, outcome: "created", newId: await create(backup, v1, v2) };
        existing.add(backup.request.name);
        results.push(result);
        reporter.line(describeRestored(result));
      }
    }
  }
  const summary: RestoreSummary = {
    event: "restore-summary",
    dir: root,
    found: backups.length,
    created: results.filter((r) => r.outcome === "created").length,
    existing: results.filter((r) => r.outcome === "exists").length,
    dryRun: options.dryRun ?? false,
  };
  reporter.line(
    `${summary.dryRun ? "dry run: would create" : "done: created"} ${summary.dryRun ? summary.found - summary.existing : summary.created} ` +
      `of ${summary.found} backed-up campaign(s), ${summary.existing} already there`,
  );
  reporter.summary(summary);
  return { exitCode: HookExit.ok, summary, campaigns: results };
}

function create(backup: Backup, v1: CampaignsApi, v2: CampaignsV2Api): Promise<string> {
  return backup.api === "v2" ? v2.createCampaign(backup.request) : v1.createCampaign(backup.request);
}

function describeRestored(r: RestoredCampaign): string {
  const where = `${r.account}/${r.region} instance ${r.instanceId}${r.api === "v2" ? " (v2)" : ""}`;
  if (r.outcome === "exists") return `"${r.name}" already exists on ${where}: skipped`;
  if (r.outcome === "would-create") return `would create "${r.name}" on ${where} from ${r.file}`;
  return `created "${r.name}" on ${where} as ${r.newId} (was ${r.backupId})`;
}

/** Every backup under root, checked; refuses with every problem when any file is bad. */
async function readBackups(root: string): Promise<Backup[]> {
  let files: string[];
  try {
    files = (await jsonFilesUnder(root)).sort();
  } catch (error) {
    throw new HookFailure(`cannot read backup directory ${root}: ${(error as Error).message}`);
  }
  const backups: Backup[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const parsed = parseBackup(file, await readFile(file, "utf8"));
    if (typeof parsed === "string") problems.push(`${file}: ${parsed}`);
    else backups.push(parsed);
  }
  if (problems.length > 0) {
    throw new HookFailure(
      `refusing to restore: ${problems.length} bad backup file(s), nothing was created:\n  ${problems.join("\n  ")}`,
    );
  }
  return backups;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await jsonFilesUnder(path)));
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
