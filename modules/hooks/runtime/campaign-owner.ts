/**
 * Whose campaign it is, checked on every answer before anything is deleted, backed up or
 * created: ListCampaigns is sent with `instanceIdFilter`, but an endpoint that ignores the filter
 * (or a DescribeCampaign that answers for another campaign) must not make a cleanup of instance
 * A delete instance B's campaigns and file their backups under A. The instance comes from the
 * campaign's `connectInstanceId`; the account and Region from its ARN (which must be there).
 */
import { HookExit } from "../contract";
import { parseArn } from "../../aws-values";
import { CAMPAIGN_ID_PATTERN } from "./backup";
import { describeScope, HookFailure, type Scope } from "./errors";

export interface CampaignOwner {
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
}

export interface OwnedShape {
  readonly id?: string;
  readonly name?: string;
  readonly arn?: string;
  readonly connectInstanceId?: string;
}

/** What is wrong with the campaign as `owner`'s, or undefined when it is theirs. */
export function ownerMismatch(campaign: OwnedShape, owner: CampaignOwner): string | undefined {
  const arn = campaign.arn === undefined ? undefined : parseArn(campaign.arn);
  const problems: string[] = [];
  if (campaign.connectInstanceId !== owner.instanceId) problems.push(`its connectInstanceId is ${campaign.connectInstanceId ?? "missing"}`);
  if (!arn) problems.push(`its ARN is ${campaign.arn === undefined ? "missing" : `not an ARN (${campaign.arn})`}`);
  else if (arn.account !== owner.account || arn.region !== owner.region) problems.push(`its ARN names account ${arn.account} / ${arn.region}`);
  if (campaign.id === undefined || !CAMPAIGN_ID_PATTERN.test(campaign.id)) problems.push(`its id ${JSON.stringify(campaign.id)} is not a campaign id`);
  return problems.length ? problems.join(", ") : undefined;
}

/**
 * Refuses (exit 3) at the first campaign that is not `owner`'s, naming it, both instances and
 * where the answer came from (`ListCampaigns`, `DescribeCampaign <id>`).
 */
export function requireOwned(campaigns: readonly OwnedShape[], owner: CampaignOwner, scope: Scope, answer: string, consequence: string): void {
  for (const campaign of campaigns) {
    const mismatch = ownerMismatch(campaign, owner);
    if (mismatch === undefined) continue;
    throw new HookFailure(
      `${describeScope(scope)}: refusing: ${answer} answered campaign "${campaign.name ?? ""}" (${campaign.id ?? "no id"}) ` +
        `of instance ${campaign.connectInstanceId ?? "unknown"}, not of instance ${owner.instanceId} ` +
        `(account ${owner.account} / ${owner.region}): ${mismatch}. The endpoint's answer does not match what was asked ` +
        `(check AWS_ENDPOINT_URL and the credentials). ${consequence}`,
      HookExit.refused,
    );
  }
}
