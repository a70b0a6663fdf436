/**
 * Recreates campaigns from cleanup backups (see backup.ts for the layout and content).
 *
 * Every file is read and checked before anything is created: one bad file refuses the whole
 * restore, naming the file, rather than leaving a half-restored set behind.
 * A campaign whose name already exists on its instance is skipped, so a restore can be re-run.
 * New campaigns get new ids (AWS assigns them) and start Initialized, not Running.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, join, resolve, sep } from "node:path";
import type { CreateCampaignRequest, DialerConfig, OutboundCallConfig } from "@aws-sdk/client-connectcampaigns";
import { HookExit } from "../hook-contract";
import { requireAccount } from "./account-guard";
import { parseArn } from "./arn";
import { CampaignsApi } from "./campaigns-api";
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

interface Backup {
  readonly file: string;
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
  readonly backupId: string;
  readonly request: CreateCampaignRequest & { readonly name: string };
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
      const api = new CampaignsApi(clients.campaigns, { stack: `restore ${account}/${region}`, instance: instanceId });
      const existing = new Set((await api.listCampaigns(instanceId)).map((c) => c.name));
      for (const backup of onInstance) {
        const base = { file: backup.file, account, region, instanceId, name: backup.request.name, backupId: backup.backupId };
        let result: RestoredCampaign;
        if (existing.has(backup.request.name)) result = { ...base, outcome: "exists" };
        else if (options.dryRun) result = { ...base, outcome: "would-create" };
        else result = { ...base, outcome: "created", newId: await api.createCampaign(backup.request) };
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

function describeRestored(r: RestoredCampaign): string {
  const where = `${r.account}/${r.region} instance ${r.instanceId}`;
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

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const DIALERS = ["progressiveDialerConfig", "predictiveDialerConfig", "agentlessDialerConfig"];

/** The backup, or what is wrong with it. */
export function parseBackup(file: string, text: string): Backup | string {
  const [account, region, instanceId, fileName] = file.split(sep).slice(-4);
  if (!fileName || !/^\d{12}$/.test(account)) return "not under <account>/<region>/<instance>/<campaign id>.json";
  let campaign: unknown;
  try {
    campaign = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (!isObject(campaign)) return "not a JSON object";
  const { id, name, connectInstanceId, arn, dialerConfig, outboundCallConfig, tags } = campaign;
  const missing = Object.entries({ id, name, connectInstanceId })
    .filter(([, value]) => typeof value !== "string" || value === "")
    .map(([key]) => key);
  if (missing.length) return `missing ${missing.join(", ")}`;
  if (!isObject(dialerConfig) || Object.keys(dialerConfig).filter((k) => DIALERS.includes(k)).length !== 1) {
    return `dialerConfig must hold exactly one of ${DIALERS.join(", ")}`;
  }
  if (!isObject(outboundCallConfig) || typeof outboundCallConfig.connectContactFlowId !== "string") {
    return "outboundCallConfig.connectContactFlowId is missing";
  }
  if (tags !== undefined && !(isObject(tags) && Object.values(tags).every((v) => typeof v === "string"))) {
    return "tags must map strings to strings";
  }
  if (basename(fileName, ".json") !== id) return `campaign id ${String(id)} does not match the file name`;
  if (connectInstanceId !== instanceId)
    return `connectInstanceId ${String(connectInstanceId)} does not match the directory ${instanceId}`;
  const fromArn = typeof arn === "string" ? parseArn(arn) : undefined;
  if (fromArn && (fromArn.account !== account || fromArn.region !== region)) {
    return `its ARN names ${fromArn.account}/${fromArn.region}, but it is filed under ${account}/${region}`;
  }
  return {
    file,
    account,
    region,
    instanceId,
    backupId: id as string,
    request: {
      name: name as string,
      connectInstanceId: instanceId,
      // Checked above to hold one known member; the SDK's union type cannot be narrowed from JSON.
      dialerConfig: dialerConfig as unknown as DialerConfig,
      outboundCallConfig: outboundCallConfig as unknown as OutboundCallConfig,
      tags: tags as Record<string, string> | undefined,
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
