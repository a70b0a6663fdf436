/**
 * The connect-campaigns calls the hook makes, each wrapped so that a failure names the stack,
 * instance, operation and subject, and "not found" answers become values instead of errors.
 */
import {
  type Campaign,
  type CampaignState,
  type CampaignSummary,
  type ConnectCampaignsClient,
  type CreateCampaignRequest,
  CreateCampaignCommand,
  DeleteCampaignCommand,
  DeleteConnectInstanceConfigCommand,
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
import { awsCall, causeOf, describeScope, HookFailure, isNotFound, isWrongState, type Scope } from "./errors";
import { chunks } from "./pool";

/** ListCampaigns' page size limit. */
const LIST_PAGE_SIZE = 50;
/** GetCampaignStateBatch's id limit. */
export const STATE_BATCH_SIZE = 25;

/** The value, or `gone` when AWS answered ResourceNotFound (deleted by someone else). */
export type OrGone<T> = T | "gone";

export class CampaignsApi {
  constructor(readonly client: ConnectCampaignsClient, readonly scope: Scope) {}

  /** Every campaign of the instance, all pages. */
  async listCampaigns(instanceId: string): Promise<CampaignSummary[]> {
    const found: CampaignSummary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.call("ListCampaigns", instanceId, () =>
        this.client.send(
          new ListCampaignsCommand({
            filters: { instanceIdFilter: { value: instanceId, operator: "Eq" } },
            maxResults: LIST_PAGE_SIZE,
            nextToken,
          }),
        ),
      );
      found.push(...(page.campaignSummaryList ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return found;
  }

  async describeCampaign(id: string): Promise<OrGone<Campaign>> {
    const result = await this.orGone("DescribeCampaign", id, () => this.client.send(new DescribeCampaignCommand({ id })));
    if (result === "gone") return result;
    if (!result.campaign) throw this.malformed(`DescribeCampaign ${id}`, "no campaign");
    return result.campaign;
  }

  /** State of each id, in batches of 25; ids AWS no longer knows map to `gone`. */
  async campaignStates(ids: readonly string[]): Promise<Map<string, OrGone<CampaignState>>> {
    const states = new Map<string, OrGone<CampaignState>>();
    for (const batch of chunks(ids, STATE_BATCH_SIZE)) {
      const result = await this.call("GetCampaignStateBatch", `${batch.length} campaigns`, () =>
        this.client.send(new GetCampaignStateBatchCommand({ campaignIds: batch })),
      );
      for (const ok of result.successfulRequests ?? []) {
        if (ok.campaignId && ok.state) states.set(ok.campaignId, ok.state);
      }
      for (const failed of result.failedRequests ?? []) {
        if (!failed.campaignId) continue;
        if (failed.failureCode !== "ResourceNotFound") {
          throw this.malformed(`GetCampaignStateBatch ${failed.campaignId}`, `failure ${failed.failureCode}`);
        }
        states.set(failed.campaignId, "gone");
      }
    }
    return states;
  }

  /** `stopped`, or `not-running` when the campaign was no longer Running or Paused. */
  async stopCampaign(id: string): Promise<OrGone<"stopped" | "not-running">> {
    try {
      const result = await this.orGone("StopCampaign", id, () => this.client.send(new StopCampaignCommand({ id })));
      return result === "gone" ? result : "stopped";
    } catch (error) {
      if (isWrongState(causeOf(error))) return "not-running";
      throw error;
    }
  }

  async deleteCampaign(id: string): Promise<OrGone<"deleted">> {
    const result = await this.orGone("DeleteCampaign", id, () => this.client.send(new DeleteCampaignCommand({ id })));
    return result === "gone" ? result : "deleted";
  }

  async createCampaign(request: CreateCampaignRequest): Promise<string> {
    const result = await this.call("CreateCampaign", `"${request.name}"`, () =>
      this.client.send(new CreateCampaignCommand(request)),
    );
    if (!result.id) throw this.malformed(`CreateCampaign "${request.name}"`, "no id");
    return result.id;
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

  async deleteInstanceConfig(instanceId: string): Promise<OrGone<"deleted">> {
    const result = await this.orGone("DeleteConnectInstanceConfig", instanceId, () =>
      this.client.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instanceId })),
    );
    return result === "gone" ? result : "deleted";
  }

  private jobStatus(status: InstanceOnboardingJobStatus | undefined, call: string): InstanceOnboardingJobStatus {
    if (!status?.status) throw this.malformed(call, "no job status");
    return status;
  }

  /** AWS answered without what the API promises: say so, naming the call. */
  private malformed(call: string, what: string): HookFailure {
    return new HookFailure(`${describeScope(this.scope)}: ${call} failed: the answer has ${what}`);
  }

  private call<T>(operation: string, subject: string, send: () => Promise<T>): Promise<T> {
    return awsCall(this.scope, `${operation} ${subject}`, send);
  }

  private async orGone<T>(operation: string, subject: string, send: () => Promise<T>): Promise<OrGone<T>> {
    try {
      return await this.call(operation, subject, send);
    } catch (error) {
      if (isNotFound(causeOf(error))) return "gone";
      throw error;
    }
  }
}
