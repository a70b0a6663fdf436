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
import { CampaignCalls, type InstanceFilter, LIST_PAGE_SIZE, listFilters, type OrGone } from "./campaign-calls";
import type { Scope } from "./errors";

export type { Campaign as CampaignV2, CampaignSummary as CampaignSummaryV2, CreateCampaignRequest as CreateCampaignV2Request };

export class CampaignsV2Api extends CampaignCalls<CampaignSummary, CampaignState> {
  constructor(
    readonly client: ConnectCampaignsV2Client,
    scope: Scope,
  ) {
    super(scope, "v2");
  }

  protected sendList(instanceId: InstanceFilter, nextToken: string | undefined) {
    return this.client.send(new ListCampaignsCommand({ filters: listFilters(instanceId), maxResults: LIST_PAGE_SIZE, nextToken }));
  }

  protected sendStateBatch(ids: string[]) {
    return this.client.send(new GetCampaignStateBatchCommand({ campaignIds: ids }));
  }

  protected sendStop(id: string) {
    return this.client.send(new StopCampaignCommand({ id }));
  }

  protected sendDelete(id: string) {
    return this.client.send(new DeleteCampaignCommand({ id }));
  }

  async describeCampaign(id: string): Promise<OrGone<Campaign>> {
    const result = await this.orGone("DescribeCampaign", id, () => this.client.send(new DescribeCampaignCommand({ id })));
    if (result === "gone") return result;
    if (!result.campaign) throw this.malformed(`DescribeCampaign ${id}`, "no campaign");
    return result.campaign;
  }

  async createCampaign(request: CreateCampaignRequest): Promise<string> {
    const result = await this.call("CreateCampaign", `"${request.name}"`, () => this.client.send(new CreateCampaignCommand(request)));
    if (!result.id) throw this.malformed(`CreateCampaign "${request.name}"`, "no id");
    return result.id;
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
