/**
 * Campaign backups: one file per campaign, written, made durable and read back before the
 * campaign is touched.
 *
 * Layout: `<root>/<account>/<region>/<instance id>/<campaign id>.json`. The path carries where
 * the campaign came from, so the file itself can hold exactly what AWS described. The campaign id
 * in the path is the one the listing gave (checked to be a plain id), never the describe answer's.
 *
 * Content (the canonical serialization), by the API the campaign answers to:
 * - v1: `JSON.stringify({ backedUpAt, ...campaign }, null, 2) + "\n"`, where `campaign` is v1
 *   DescribeCampaign's `campaign` member as the SDK returns it: the format backups always had,
 *   plus `backedUpAt`. v1's Campaign has no such member, and readers of the old format (restore
 *   before backups were timed) read only the campaign's own members, so both stay readable
 *   both ways.
 * - v2: `JSON.stringify({ api: "connectcampaignsv2", backedUpAt, campaign }, null, 2) + "\n"`,
 *   `campaign` being v2 DescribeCampaign's member (timestamps as ISO strings). The `api` member
 *   says which API restores it; a v1 backup has no such member (v1's Campaign has no `api` field).
 * `backedUpAt` is when the backup was written (ISO 8601, UTC): restore takes the newest of two
 * backups of one name. Files written before it existed have none and still restore.
 * A file equals the serialization of its own describe call and its own time.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Campaign } from "@aws-sdk/client-connectcampaigns";
import type { CampaignApiVersion } from "./campaign-calls";
import { BACKUP_DIR_ENV, type CleanupHookInput } from "../contract";
import { parseBackup, V2_BACKUP_API } from "./backup-file";
import { awsCall, describeError, describeScope, HookFailure, type Scope } from "./errors";
import type { HookClients } from "./clients";

export interface BackupLocation {
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
}

export { V2_BACKUP_API };

/** A v1 backup; without `backedUpAt`, the untimed format of earlier releases. */
export function serializeCampaign(campaign: Campaign, backedUpAt?: string): string {
  return `${JSON.stringify(backedUpAt === undefined ? campaign : { backedUpAt, ...campaign }, null, 2)}\n`;
}

/** A v2 backup; without `backedUpAt`, the untimed format of earlier releases. */
export function serializeCampaignV2(campaign: object, backedUpAt?: string): string {
  return `${JSON.stringify(backedUpAt === undefined ? { api: V2_BACKUP_API, campaign } : { api: V2_BACKUP_API, backedUpAt, campaign }, null, 2)}\n`;
}

export function serializeBackup(version: CampaignApiVersion, campaign: object, backedUpAt?: string): string {
  return version === "v2" ? serializeCampaignV2(campaign, backedUpAt) : serializeCampaign(campaign as Campaign, backedUpAt);
}

/**
 * What a campaign id must look like to name a file: AWS's ids are UUIDs; this allows letters,
 * digits and dashes only, so no id can climb out of its directory (`..`, `/`) or hide (`.x`).
 */
export const CAMPAIGN_ID_PATTERN = /^[A-Za-z0-9-]{1,256}$/;

/**
 * `$CAMPAIGN_BACKUP_DIR` when set (the pipeline's own disk), else the stack's `backup_dir`; as an
 * absolute path. The stacks write a relative `backup_dir` relative to their own directory (the
 * cwd of `local-exec`), so `cwd` anchors it — and the same stack backs up to the same place on
 * every runner's checkout.
 */
export function backupRoot(input: Pick<CleanupHookInput, "backup_dir">, env: NodeJS.ProcessEnv, cwd = process.cwd()): string {
  return resolve(cwd, env[BACKUP_DIR_ENV] || input.backup_dir);
}

/** The relative key, shared by the local file and the S3 object. */
export function backupKey(where: BackupLocation, campaignId: string): string {
  return `${where.account}/${where.region}/${where.instanceId}/${campaignId}.json`;
}

export function backupPath(root: string, where: BackupLocation, campaignId: string): string {
  return join(root, ...backupKey(where, campaignId).split("/"));
}

/**
 * Writes the file atomically and durably: a temporary file in the same directory, flushed to
 * disk (fsync), renamed over the final name, then the directory flushed so that the rename
 * itself survives a crash (directories this call created are flushed into their parents too).
 * A hook killed mid-write leaves the previous backup (or none), never half a file under the
 * final name; a machine that loses power after the hook went on to delete keeps the file.
 */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  const created = await mkdir(dir, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const file = await open(temporary, "wx");
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dir);
  // mkdir -p made `created` and everything below it: each new entry lives in its parent.
  for (let child = dir; created !== undefined && child !== dirname(created); child = dirname(child)) {
    await syncDirectory(dirname(child));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface BackupTarget {
  readonly root: string;
  readonly where: BackupLocation;
  readonly s3Bucket: string | null;
  readonly clients: HookClients;
  readonly scope: Scope;
}

/**
 * Writes the local backup of the campaign listed as `id` (the file is named from the listing,
 * never from the describe answer), reads it back and parses it exactly as restore will, then
 * writes the S3 copy if a bucket is set (only to a bucket the target's account owns); returns
 * the local path. Any failure is thrown before the caller may delete the campaign.
 */
export async function backUpCampaign(target: BackupTarget, version: CampaignApiVersion, id: string, campaign: object): Promise<string> {
  if (!CAMPAIGN_ID_PATTERN.test(id)) {
    throw new HookFailure(`${describeScope(target.scope)}: refusing to back up campaign ${JSON.stringify(id)}: not a campaign id (letters, digits, dashes)`);
  }
  const path = backupPath(target.root, target.where, id);
  const body = serializeBackup(version, campaign, new Date().toISOString());
  let readBack: string;
  try {
    await writeFileAtomically(path, body);
    readBack = await readFile(path, "utf8");
  } catch (error) {
    throw new HookFailure(`${describeScope(target.scope)}: writing backup ${path} failed: ${describeError(error)}`);
  }
  const parsed = parseBackup(path, readBack);
  if (typeof parsed === "string" || readBack !== body) {
    throw new HookFailure(
      `${describeScope(target.scope)}: backup ${path} does not read back as restore reads it ` +
        `(${typeof parsed === "string" ? parsed : "its bytes differ from what was written"}): the campaign was not deleted`,
    );
  }
  if (target.s3Bucket) {
    const bucket = target.s3Bucket;
    const key = backupKey(target.where, id);
    const s3 = await target.clients.s3();
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    await awsCall(target.scope, `PutObject s3://${bucket}/${key}`, () =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: "application/json",
          // A bucket of that name in another account (deleted and re-created by someone else,
          // or a typo) gets nothing: S3 answers 403 instead of storing the backup there.
          ExpectedBucketOwner: target.where.account,
        }),
      ),
    );
  }
  return path;
}
