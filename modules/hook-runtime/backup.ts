/**
 * Campaign backups: one file per campaign, written before the campaign is touched.
 *
 * Layout: `<root>/<account>/<region>/<instance id>/<campaign id>.json`. The path carries where
 * the campaign came from, so the file itself can hold exactly what AWS described.
 *
 * Content (the canonical serialization), by the API the campaign answers to:
 * - v1: `JSON.stringify(campaign, null, 2) + "\n"`, where `campaign` is v1 DescribeCampaign's
 *   `campaign` member as the SDK returns it: the format backups always had.
 * - v2: `JSON.stringify({ api: "connectcampaignsv2", campaign }, null, 2) + "\n"`, `campaign`
 *   being v2 DescribeCampaign's member (timestamps as ISO strings). The `api` member says which
 *   API restores it; a v1 backup has no such member (v1's Campaign has no `api` field).
 * Two backups of the same campaign are byte-equal, and a test can compare a file with its own
 * describe call.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Campaign } from "@aws-sdk/client-connectcampaigns";
import type { CampaignApiVersion } from "./campaign-calls";
import { BACKUP_DIR_ENV, type CleanupHookInput } from "../hook-contract";
import { awsCall, describeError, describeScope, HookFailure, type Scope } from "./errors";
import type { HookClients } from "./clients";

export interface BackupLocation {
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
}

/** The `api` member of a v2 backup: the v2 service model's name. */
export const V2_BACKUP_API = "connectcampaignsv2";

export function serializeCampaign(campaign: Campaign): string {
  return `${JSON.stringify(campaign, null, 2)}\n`;
}

export function serializeCampaignV2(campaign: object): string {
  return `${JSON.stringify({ api: V2_BACKUP_API, campaign }, null, 2)}\n`;
}

export function serializeBackup(version: CampaignApiVersion, campaign: object): string {
  return version === "v2" ? serializeCampaignV2(campaign) : serializeCampaign(campaign as Campaign);
}

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
 * Writes the file atomically: a temporary file in the same directory, then rename. A hook killed
 * mid-write leaves the previous backup (or none), never half a file under the final name.
 */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface BackupTarget {
  readonly root: string;
  readonly where: BackupLocation;
  readonly s3Bucket: string | null;
  readonly clients: HookClients;
  readonly scope: Scope;
}

/** Writes the local backup, then the S3 copy if a bucket is set; returns the local path. */
export async function backUpCampaign(
  target: BackupTarget,
  version: CampaignApiVersion,
  campaign: { readonly id?: string },
): Promise<string> {
  const id = campaign.id ?? "";
  const path = backupPath(target.root, target.where, id);
  const body = serializeBackup(version, campaign);
  try {
    await writeFileAtomically(path, body);
  } catch (error) {
    throw new HookFailure(`${describeScope(target.scope)}: writing backup ${path} failed: ${describeError(error)}`);
  }
  if (target.s3Bucket) {
    const bucket = target.s3Bucket;
    const key = backupKey(target.where, id);
    const s3 = await target.clients.s3();
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    await awsCall(target.scope, `PutObject s3://${bucket}/${key}`, () =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "application/json" })),
    );
  }
  return path;
}
