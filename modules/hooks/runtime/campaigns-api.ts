/**
 * The connect-campaigns v1 calls the hook makes (the shared campaign calls are in
 * campaign-calls.ts), each wrapped so that a failure names the stack, instance, operation and
 * subject, and "not found" answers become values instead of errors.
 */
import {
  type Campaign,
  type CampaignState,
  type CampaignSummary,
  type ConnectCampaignsClient,
  type CreateCampaignRequest,
  CreateCampaignCommand,
  DeleteCampaignCommand,
  DeleteInstanceOnboardingJobCommand,
  DescribeCampaignCommand,
  type EncryptionConfig,
  GetCampaignStateBatchCommand,
  GetConnectInstanceConfigCommand,
  GetInstanceOnboardingJobStatusCommand,
  type InstanceConfig,
  type InstanceOnboardingJobStatus,
  ListCampaignsCommand,
  StartInstanceOnboardingJobCommand,
  StopCampaignCommand,
} from "@aws-sdk/client-connectcampaigns";
import { CampaignCalls, campaignOperations, type OrGone } from "./campaign-calls";
import type { Scope } from "./errors";

export { STATE_BATCH_SIZE, type OrGone } from "./campaign-calls";

/** The v1 API (`connect-campaigns`, 2021-01-30): campaigns, onboarding, the instance config. */
export class CampaignsApi extends CampaignCalls<CampaignSummary, CampaignState, Campaign, CreateCampaignRequest> {
  constructor(
    readonly client: ConnectCampaignsClient,
    scope: Scope,
  ) {
    const commands = { ListCampaignsCommand, GetCampaignStateBatchCommand, StopCampaignCommand, DeleteCampaignCommand, DescribeCampaignCommand, CreateCampaignCommand };
    super(campaignOperations(client, commands), scope, "v1");
  }

  async instanceConfig(instanceId: string): Promise<OrGone<InstanceConfig>> {
    const result = await this.orGone("GetConnectInstanceConfig", instanceId, () =>
      this.client.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instanceId })),
    );
    if (result === "gone") return result;
    if (!result.connectInstanceConfig) throw this.malformed(`GetConnectInstanceConfig ${instanceId}`, "no config");
    return result.connectInstanceConfig;
  }

  async startOnboarding(instanceId: string, encryptionConfig: EncryptionConfig): Promise<InstanceOnboardingJobStatus> {
    const result = await this.call("StartInstanceOnboardingJob", instanceId, () =>
      this.client.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: instanceId, encryptionConfig })),
    );
    return this.jobStatus(result.connectInstanceOnboardingJobStatus, `StartInstanceOnboardingJob ${instanceId}`);
  }

  async onboardingStatus(instanceId: string): Promise<OrGone<InstanceOnboardingJobStatus>> {
    const result = await this.orGone("GetInstanceOnboardingJobStatus", instanceId, () =>
      this.client.send(new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: instanceId })),
    );
    return result === "gone"
      ? result
      : this.jobStatus(result.connectInstanceOnboardingJobStatus, `GetInstanceOnboardingJobStatus ${instanceId}`);
  }

  async deleteOnboardingJob(instanceId: string): Promise<OrGone<"deleted">> {
    const result = await this.orGone("DeleteInstanceOnboardingJob", instanceId, () =>
      this.client.send(new DeleteInstanceOnboardingJobCommand({ connectInstanceId: instanceId })),
    );
    return result === "gone" ? result : "deleted";
  }

  private jobStatus(status: InstanceOnboardingJobStatus | undefined, call: string): InstanceOnboardingJobStatus {
    if (!status?.status) throw this.malformed(call, "no job status");
    return status;
  }
}
