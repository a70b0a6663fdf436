/**
 * Reading one backup file back (see backup.ts for the layout and the two formats): where it came
 * from, which API restores it, and the CreateCampaign request that recreates it, or what is wrong.
 */
import { basename, sep } from "node:path";
import type { CreateCampaignRequest, DialerConfig, OutboundCallConfig } from "@aws-sdk/client-connectcampaigns";
import type { CreateCampaignRequest as CreateCampaignV2Request } from "@aws-sdk/client-connectcampaignsv2";
import { parseArn } from "../../aws-values";

/** The `api` member of a v2 backup: the v2 service model's name. */
export const V2_BACKUP_API = "connectcampaignsv2";

interface BackupBase {
  readonly file: string;
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
  /** The id in the backup (the deleted campaign's). */
  readonly backupId: string;
  /** When the backup was written (ISO 8601); absent in backups written before it was recorded. */
  readonly backedUpAt?: string;
}

export type Backup =
  | (BackupBase & { readonly api: "v1"; readonly request: CreateCampaignRequest & { readonly name: string } })
  | (BackupBase & { readonly api: "v2"; readonly request: CreateCampaignV2Request & { readonly name: string } });

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const DIALERS = ["progressiveDialerConfig", "predictiveDialerConfig", "agentlessDialerConfig"];
/** v2 Campaign members that are not CreateCampaign's (AWS assigns them). */
const V2_ASSIGNED = ["id", "arn"];

/** The backup, or what is wrong with it. */
export function parseBackup(file: string, text: string): Backup | string {
  const [account, region, instanceId, fileName] = file.split(sep).slice(-4);
  if (!fileName || !/^\d{12}$/.test(account)) return "not under <account>/<region>/<instance>/<campaign id>.json";
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (!isObject(content)) return "not a JSON object";
  const { backedUpAt } = content;
  if (backedUpAt !== undefined && (typeof backedUpAt !== "string" || Number.isNaN(Date.parse(backedUpAt)))) {
    return `backedUpAt must be an ISO 8601 timestamp, got ${JSON.stringify(backedUpAt)}`;
  }
  const isV2 = "api" in content;
  if (isV2 && content.api !== V2_BACKUP_API) return `api must be "${V2_BACKUP_API}" (or absent for a v1 backup), got ${JSON.stringify(content.api)}`;
  const campaign = isV2 ? content.campaign : content;
  if (!isObject(campaign)) return isV2 ? "campaign must be a JSON object" : "not a JSON object";
  const at = isV2 ? "campaign." : "";

  const { id, name, connectInstanceId, arn, tags } = campaign;
  const missing = Object.entries({ id, name, connectInstanceId })
    .filter(([, value]) => typeof value !== "string" || value === "")
    .map(([key]) => `${at}${key}`);
  if (missing.length) return `missing ${missing.join(", ")}`;
  if (tags !== undefined && !(isObject(tags) && Object.values(tags).every((v) => typeof v === "string"))) {
    return `${at}tags must map strings to strings`;
  }
  if (basename(fileName, ".json") !== id) return `campaign id ${String(id)} does not match the file name`;
  if (connectInstanceId !== instanceId) {
    return `connectInstanceId ${String(connectInstanceId)} does not match the directory ${instanceId}`;
  }
  const fromArn = typeof arn === "string" ? parseArn(arn) : undefined;
  if (fromArn && (fromArn.account !== account || fromArn.region !== region)) {
    return `its ARN names ${fromArn.account}/${fromArn.region}, but it is filed under ${account}/${region}`;
  }
  const base = { file, account, region, instanceId, backupId: id as string, ...(backedUpAt === undefined ? {} : { backedUpAt }) };
  return isV2 ? v2Backup(base, campaign) : v1Backup(base, campaign);
}

function v1Backup(base: BackupBase, campaign: Json): Backup | string {
  // `backedUpAt` sits beside the campaign's members (see backup.ts) and is not one of them.
  const { name, dialerConfig, outboundCallConfig, tags } = campaign;
  if (!isObject(dialerConfig) || Object.keys(dialerConfig).filter((k) => DIALERS.includes(k)).length !== 1) {
    return `dialerConfig must hold exactly one of ${DIALERS.join(", ")}`;
  }
  if (!isObject(outboundCallConfig) || typeof outboundCallConfig.connectContactFlowId !== "string") {
    return "outboundCallConfig.connectContactFlowId is missing";
  }
  return {
    ...base,
    api: "v1",
    request: {
      name: name as string,
      connectInstanceId: base.instanceId,
      // Checked above to hold one known member; the SDK's union type cannot be narrowed from JSON.
      dialerConfig: dialerConfig as unknown as DialerConfig,
      outboundCallConfig: outboundCallConfig as unknown as OutboundCallConfig,
      tags: tags as Record<string, string> | undefined,
    },
  };
}

/**
 * Every member v2 DescribeCampaign returned goes back into CreateCampaign (which takes all of
 * them but `id` and `arn`), so a restored campaign is described as the backup was. The only
 * conversion: the schedule's timestamps, which JSON holds as ISO strings and the SDK sends from
 * Dates. The rest is checked by AWS itself (ValidationException names the member), before
 * anything is created for that campaign.
 */
function v2Backup(base: BackupBase, campaign: Json): Backup | string {
  const request: Json = Object.fromEntries(Object.entries(campaign).filter(([key]) => !V2_ASSIGNED.includes(key)));
  const { schedule } = campaign;
  if (schedule !== undefined) {
    if (!isObject(schedule)) return "campaign.schedule must be a JSON object";
    const times: Json = {};
    for (const key of ["startTime", "endTime"]) {
      const value = schedule[key];
      const date = typeof value === "string" ? new Date(value) : undefined;
      if (!date || Number.isNaN(date.getTime())) return `campaign.schedule.${key} must be an ISO 8601 timestamp, got ${JSON.stringify(value)}`;
      times[key] = date;
    }
    request.schedule = { ...schedule, ...times };
  }
  return { ...base, api: "v2", request: request as unknown as CreateCampaignV2Request & { readonly name: string } };
}
