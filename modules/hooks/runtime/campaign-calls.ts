/**
 * What the v1 (`connect-campaigns`, 2021-01-30) and v2 (`connectcampaignsv2`, 2024-04-23) APIs
 * have in common: list an instance's campaigns, read their states in batches of 25, stop, delete,
 * describe, create. The requests and answers of these six have the same shape in both models, so
 * one implementation serves both; each API's class only hands over its SDK's six command classes
 * ({@link campaignOperations}), whose types are checked against the shapes here.
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

/** ListCampaigns' filter: one instance's campaigns, or (undefined) every campaign of the Region. */
export type InstanceFilter = string | undefined;

/** The request's `filters`: both models take `{ instanceIdFilter: { value, operator: "Eq" } }`, or nothing. */
export function listFilters(instanceId: InstanceFilter) {
  return instanceId === undefined ? undefined : { instanceIdFilter: { value: instanceId, operator: "Eq" as const } };
}

export interface ListPage<Summary> {
  readonly campaignSummaryList?: Summary[];
  readonly nextToken?: string;
}

export interface StateBatch<State> {
  readonly successfulRequests?: { readonly campaignId?: string; readonly state?: State }[];
  readonly failedRequests?: { readonly campaignId?: string; readonly failureCode?: string }[];
}

/** ListCampaigns' request, as both models define it. */
export interface ListRequest {
  readonly filters?: { readonly instanceIdFilter: { readonly value: string; readonly operator: "Eq" } };
  readonly maxResults: number;
  readonly nextToken?: string;
}

/** The SDK calls behind {@link CampaignCalls}, built by {@link campaignOperations}. */
export interface CampaignOperations<Summary, State, Campaign, CreateRequest> {
  list(input: ListRequest): Promise<ListPage<Summary>>;
  stateBatch(input: { campaignIds: string[] }): Promise<StateBatch<State>>;
  stop(input: { id: string }): Promise<unknown>;
  delete(input: { id: string }): Promise<unknown>;
  describe(input: { id: string }): Promise<{ readonly campaign?: Campaign }>;
  create(input: CreateRequest): Promise<{ readonly id?: string }>;
}

/**
 * An SDK command class (`ListCampaignsCommand`) taking `Input`, whose answer is an `Output`: the
 * SDK's own types are checked against it, structurally (a command's middleware resolves to a
 * handler of its output), so nothing here imports either SDK.
 */
type CommandClass<Input, Output> = new (input: Input) => { resolveMiddleware(...args: never[]): (args: never) => Promise<{ readonly output: Output }> };

/** The six command classes of one SDK, by the names both SDKs give them. */
export interface CampaignCommands<Summary, State, Campaign, CreateRequest> {
  readonly ListCampaignsCommand: CommandClass<ListRequest, ListPage<Summary>>;
  readonly GetCampaignStateBatchCommand: CommandClass<{ campaignIds: string[] }, StateBatch<State>>;
  readonly StopCampaignCommand: CommandClass<{ id: string }, unknown>;
  readonly DeleteCampaignCommand: CommandClass<{ id: string }, unknown>;
  readonly DescribeCampaignCommand: CommandClass<{ id: string }, { readonly campaign?: Campaign }>;
  readonly CreateCampaignCommand: CommandClass<CreateRequest, { readonly id?: string }>;
}

/** A client of either SDK: `send(new XCommand(input))` answers that command's output. */
export interface CommandSender {
  send(command: object): Promise<unknown>;
}

/** The operations of {@link CampaignCalls}, each sent through `client` with its SDK's command class. */
export function campaignOperations<Summary, State, Campaign, CreateRequest>(
  client: CommandSender,
  commands: CampaignCommands<Summary, State, Campaign, CreateRequest>,
): CampaignOperations<Summary, State, Campaign, CreateRequest> {
  const sent =
    <Input, Output>(Class: CommandClass<Input, Output>) =>
    (input: Input) =>
      client.send(new Class(input)) as Promise<Output>;
  return {
    list: sent(commands.ListCampaignsCommand),
    stateBatch: sent(commands.GetCampaignStateBatchCommand),
    stop: sent(commands.StopCampaignCommand),
    delete: sent(commands.DeleteCampaignCommand),
    describe: sent(commands.DescribeCampaignCommand),
    create: sent(commands.CreateCampaignCommand),
  };
}

export class CampaignCalls<
  Summary extends SummaryShape,
  State extends string,
  Campaign extends object = object,
  CreateRequest extends { readonly name?: string } = { readonly name?: string },
> {
  constructor(
    private readonly operations: CampaignOperations<Summary, State, Campaign, CreateRequest>,
    readonly scope: Scope,
    readonly version: CampaignApiVersion,
  ) {}

  /** Every campaign of the instance (of the Region without an instance), all pages. */
  async listCampaigns(instanceId: InstanceFilter): Promise<Summary[]> {
    const found: Summary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.call("ListCampaigns", instanceId ?? "(every instance)", () =>
        this.operations.list({ filters: listFilters(instanceId), maxResults: LIST_PAGE_SIZE, nextToken }),
      );
      found.push(...(page.campaignSummaryList ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return found;
  }

  /** State of each id, in batches of 25; ids AWS no longer knows map to `gone`. */
  async campaignStates(ids: readonly string[]): Promise<Map<string, OrGone<State>>> {
    const states = new Map<string, OrGone<State>>();
    for (const batch of chunks(ids, STATE_BATCH_SIZE)) {
      const result = await this.call("GetCampaignStateBatch", `${batch.length} campaigns`, () => this.operations.stateBatch({ campaignIds: batch }));
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
      const result = await this.orGone("StopCampaign", id, () => this.operations.stop({ id }));
      return result === "gone" ? result : "stopped";
    } catch (error) {
      if (isWrongState(causeOf(error))) return "not-running";
      throw error;
    }
  }

  async deleteCampaign(id: string): Promise<OrGone<"deleted">> {
    const result = await this.orGone("DeleteCampaign", id, () => this.operations.delete({ id }));
    return result === "gone" ? result : "deleted";
  }

  async describeCampaign(id: string): Promise<OrGone<Campaign>> {
    const result = await this.orGone("DescribeCampaign", id, () => this.operations.describe({ id }));
    if (result === "gone") return result;
    if (!result.campaign) throw this.malformed(`DescribeCampaign ${id}`, "no campaign");
    return result.campaign;
  }

  /** Creates the campaign; returns its new id (AWS assigns it). */
  async createCampaign(request: CreateRequest): Promise<string> {
    const result = await this.call("CreateCampaign", `"${request.name}"`, () => this.operations.create(request));
    if (!result.id) throw this.malformed(`CreateCampaign "${request.name}"`, "no id");
    return result.id;
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
