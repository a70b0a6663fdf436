/**
 * What the v1 (`connect-campaigns`, 2021-01-30) and v2 (`connectcampaignsv2`, 2024-04-23) APIs
 * have in common for a cleanup: list an instance's campaigns, read their states in batches of
 * 25, stop, delete. The requests and answers of these four have the same shape in both models,
 * so one implementation serves both; each API's class sends its own SDK commands.
 *
 * Every call is wrapped so that a failure names the stack, instance, API, operation and subject,
 * and "not found" answers become values instead of errors.
 */
import { awsCall, causeOf, describeScope, HookFailure, isNotFound, isWrongState, type Scope } from "./errors";
import { chunks } from "./pool";

/** ListCampaigns' page size limit (1–50 in both models). */
export const LIST_PAGE_SIZE = 50;
/** GetCampaignStateBatch's id limit (25 in both models). */
export const STATE_BATCH_SIZE = 25;

/** The value, or `gone` when AWS answered ResourceNotFound (deleted by someone else). */
export type OrGone<T> = T | "gone";

/** Which API a campaign answers to: how it is described, backed up, stopped, deleted and restored. */
export type CampaignApiVersion = "v1" | "v2";

export interface SummaryShape {
  readonly id?: string;
  readonly arn?: string;
  readonly name?: string;
  readonly connectInstanceId?: string;
}

export interface ListPage<Summary> {
  readonly campaignSummaryList?: Summary[];
  readonly nextToken?: string;
}

export interface StateBatch<State> {
  readonly successfulRequests?: { readonly campaignId?: string; readonly state?: State }[];
  readonly failedRequests?: { readonly campaignId?: string; readonly failureCode?: string }[];
}

export abstract class CampaignCalls<Summary extends SummaryShape, State extends string> {
  constructor(
    readonly scope: Scope,
    readonly version: CampaignApiVersion,
  ) {}

  protected abstract sendList(instanceId: string, nextToken: string | undefined): Promise<ListPage<Summary>>;
  protected abstract sendStateBatch(ids: string[]): Promise<StateBatch<State>>;
  protected abstract sendStop(id: string): Promise<unknown>;
  protected abstract sendDelete(id: string): Promise<unknown>;

  /** Every campaign of the instance, all pages. */
  async listCampaigns(instanceId: string): Promise<Summary[]> {
    const found: Summary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.call("ListCampaigns", instanceId, () => this.sendList(instanceId, nextToken));
      found.push(...(page.campaignSummaryList ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return found;
  }

  /** State of each id, in batches of 25; ids AWS no longer knows map to `gone`. */
  async campaignStates(ids: readonly string[]): Promise<Map<string, OrGone<State>>> {
    const states = new Map<string, OrGone<State>>();
    for (const batch of chunks(ids, STATE_BATCH_SIZE)) {
      const result = await this.call("GetCampaignStateBatch", `${batch.length} campaigns`, () => this.sendStateBatch(batch));
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
      const result = await this.orGone("StopCampaign", id, () => this.sendStop(id));
      return result === "gone" ? result : "stopped";
    } catch (error) {
      if (isWrongState(causeOf(error))) return "not-running";
      throw error;
    }
  }

  async deleteCampaign(id: string): Promise<OrGone<"deleted">> {
    const result = await this.orGone("DeleteCampaign", id, () => this.sendDelete(id));
    return result === "gone" ? result : "deleted";
  }

  /** AWS answered without what the API promises: say so, naming the call. */
  protected malformed(call: string, what: string): HookFailure {
    return new HookFailure(`${describeScope(this.scope)}: ${this.prefix}${call} failed: the answer has ${what}`);
  }

  protected call<T>(operation: string, subject: string, send: () => Promise<T>): Promise<T> {
    return awsCall(this.scope, `${this.prefix}${operation} ${subject}`, send);
  }

  protected async orGone<T>(operation: string, subject: string, send: () => Promise<T>): Promise<OrGone<T>> {
    try {
      return await this.call(operation, subject, send);
    } catch (error) {
      if (isNotFound(causeOf(error))) return "gone";
      throw error;
    }
  }

  /** v1 calls keep the names they always had in messages; v2 calls say so. */
  private get prefix(): string {
    return this.version === "v2" ? "v2 " : "";
  }
}
