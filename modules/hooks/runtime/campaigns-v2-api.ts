/**
 * The connect-campaigns v2 calls (`connectcampaignsv2`, 2024-04-23): the campaigns today's
 * console makes (telephony, SMS, email, WhatsApp channel subtypes; segment or event sources;
 * schedules, communication time and limits), and the instance config with a deletion policy.
 */
import {
  type Campaign,
  type CampaignDeletionPolicy,
  type CampaignState,
  type CampaignSummary,
  type ConnectCampaignsV2Client,
  type CreateCampaignRequest,
  CreateCampaignCommand,
  DeleteCampaignCommand,
  DeleteConnectInstanceConfigCommand,
  DescribeCampaignCommand,
  GetCampaignStateBatchCommand,
  ListCampaignsCommand,
  StopCampaignCommand,
} from "@aws-sdk/client-connectcampaignsv2";
import { CampaignCalls, campaignOperations, type OrGone } from "./campaign-calls";
import type { Scope } from "./errors";

export type { Campaign as CampaignV2, CampaignSummary as CampaignSummaryV2, CreateCampaignRequest as CreateCampaignV2Request };

export class CampaignsV2Api extends CampaignCalls<CampaignSummary, CampaignState, Campaign, CreateCampaignRequest> {
  constructor(
    readonly client: ConnectCampaignsV2Client,
    scope: Scope,
  ) {
    // The same operations as v1's (campaign-calls.ts), sent with this SDK's command classes.
    const commands = { ListCampaignsCommand, GetCampaignStateBatchCommand, StopCampaignCommand, DeleteCampaignCommand, DescribeCampaignCommand, CreateCampaignCommand };
    super(campaignOperations(client, commands), scope, "v2");
  }

  /**
   * Offboards the instance, keeping its campaigns. The policy is `RETAIN_ALL` only, by type:
   * `DELETE_ALL` deletes every campaign of the instance with no backup, and nothing here holds
   * both the deletion guard and the backups (offboarding.ts says why it never needs it).
   */
  async deleteInstanceConfig(instanceId: string, campaignDeletionPolicy: Extract<CampaignDeletionPolicy, "RETAIN_ALL">): Promise<OrGone<"deleted">> {
    const result = await this.orGone("DeleteConnectInstanceConfig", `${instanceId} (${campaignDeletionPolicy})`, () =>
      this.client.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instanceId, campaignDeletionPolicy })),
    );
    return result === "gone" ? result : "deleted";
  }
}
