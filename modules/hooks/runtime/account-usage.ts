/**
 * What uses an account's campaigns service-linked role, Region by Region: the role is global to
 * the account, and IAM refuses to delete it while a campaign of any Region uses it ("Delete all
 * campaigns setup for the AWS account", AWS's guide). A stack sees one Region; this sees them all.
 *
 * Per Region: every campaign of both APIs (ListCampaigns without an instance filter, every page,
 * one entry per ARN as the cleanup lists them, campaign-listing.ts), grouped by instance, and
 * every Connect instance (connect:ListInstances) with its outbound campaigns config
 * (GetConnectInstanceConfig: onboarded or not, the role it links, its KMS key).
 *
 * A Region that cannot be read (AccessDenied from a Region-deny SCP, a throttle that outlived
 * the retries...) is an error naming that Region, never "nothing there": a guard that took a
 * denial for "empty" would wave the deletion through. Requests go through the clients' pacing
 * (per account and Region, pacing.ts) and retry strategy (clients.ts).
 */
import { type InstanceSummary, ListInstancesCommand } from "@aws-sdk/client-connect";
import { type FoundCampaign, listRegionCampaigns, type RegionCampaign } from "./campaign-listing";
import { CampaignsApi } from "./campaigns-api";
import { CampaignsV2Api } from "./campaigns-v2-api";
import type { HookClients } from "./clients";
import { awsCall, AwsCallFailure, describeError, HookFailure, type Scope } from "./errors";
import { mapPool } from "./pool";

/** One Connect instance of a Region, as far as outbound campaigns go. */
export interface InstanceUsage {
  readonly instanceId: string;
  /** Listed by connect:ListInstances; false for an id only campaigns name (an instance deleted since). */
  readonly inConnect: boolean;
  /** GetConnectInstanceConfig answered: the instance is onboarded to outbound campaigns. */
  readonly onboarded: boolean;
  /** The role the instance's config links (onboarded instances). */
  readonly serviceLinkedRoleArn?: string;
  /** The KMS key of the instance's config, when encryption is enabled. */
  readonly kmsKeyArn?: string;
  /** Campaigns only API v1 lists. */
  readonly v1Campaigns: number;
  /** Campaigns API v2 lists (a campaign both APIs list counts here once). */
  readonly v2Campaigns: number;
  /** Every campaign's ARN, v2's first, in listing order. */
  readonly campaignArns: readonly string[];
  /** The same campaigns with id, name and API (for messages that name them). */
  readonly campaigns: readonly Pick<FoundCampaign, "id" | "name" | "arn" | "api">[];
}

export interface RegionUsage {
  readonly region: string;
  /** Instances in ListInstances order, then those only campaigns name, by id. */
  readonly instances: readonly InstanceUsage[];
}

/** Clients of one Region of the account (createClients with that Region). */
export type ClientsForRegion = (region: string) => HookClients;

export interface ScanOptions {
  /** Who scans, for the failure of a call: the stack, or what the CLI does. @default { stack: "account scan" } */
  readonly scope?: Scope;
  /** Regions scanned at once; each has its own quotas, so this bounds sockets, not the rate. @default 16 (the whole table at once) */
  readonly regionsInFlight?: number;
}

/** A Region could not be read: its name and why. */
export interface RegionFailure {
  readonly region: string;
  readonly reason: string;
}

/** Some Regions could not be read; {@link failures} names each. Not "empty": nothing is known there. */
export class AccountScanError extends HookFailure {
  constructor(readonly failures: readonly RegionFailure[]) {
    super(
      `could not read ${failures.length} Region(s) of the account, so what uses its campaigns role there is unknown: ` +
        failures.map((f) => `${f.region}: ${f.reason}`).join("; "),
    );
    this.name = "AccountScanError";
  }
}

/** connect:ListInstances' page size limit (1–10). */
const INSTANCE_PAGE_SIZE = 10;
/** GetConnectInstanceConfig calls in flight per Region; pacing (2/s, burst 5) sets the rate. */
const CONFIGS_IN_FLIGHT = 5;
const DEFAULT_SCOPE: Scope = { stack: "account scan" };

/** One Region's usage; a failed call throws an {@link AccountScanError} naming the Region. */
export async function scanRegionUsage(clients: HookClients, region: string, options: ScanOptions = {}): Promise<RegionUsage> {
  const scope = options.scope ?? DEFAULT_SCOPE;
  try {
    const api = new CampaignsApi(clients.campaigns, scope);
    const apis = { v1: api, v2: new CampaignsV2Api(clients.campaignsV2, scope) };
    const [campaigns, listed] = await Promise.all([listRegionCampaigns(apis), listInstances(clients, scope)]);
    const byInstance = groupByInstance(campaigns);
    const listedIds = listed.map((i) => i.Id ?? "").filter(Boolean);
    const onlyInCampaigns = [...byInstance.keys()].filter((id) => !listedIds.includes(id)).sort();
    const ids = [...listedIds, ...onlyInCampaigns];
    const instances = await mapPool(ids, CONFIGS_IN_FLIGHT, async (instanceId): Promise<InstanceUsage> => {
      const config = await api.instanceConfig(instanceId);
      const found = byInstance.get(instanceId) ?? [];
      const keyArn = config !== "gone" && config.encryptionConfig?.enabled ? config.encryptionConfig.keyArn : undefined;
      return {
        instanceId,
        inConnect: listedIds.includes(instanceId),
        onboarded: config !== "gone",
        ...(config !== "gone" && config.serviceLinkedRoleArn ? { serviceLinkedRoleArn: config.serviceLinkedRoleArn } : {}),
        ...(keyArn ? { kmsKeyArn: keyArn } : {}),
        v1Campaigns: found.filter((c) => c.api === "v1").length,
        v2Campaigns: found.filter((c) => c.api === "v2").length,
        campaignArns: found.map((c) => c.arn),
        campaigns: found.map(({ id, name, arn, api }) => ({ id, name, arn, api })),
      };
    });
    return { region, instances };
  } catch (error) {
    throw new AccountScanError([{ region, reason: reasonOf(error) }]);
  }
}

/**
 * Every Region's usage, in the order given; Regions are read in parallel. If any Region fails,
 * one {@link AccountScanError} names every Region that failed (the others were read).
 */
export async function scanAccountUsage(clientsFor: ClientsForRegion, regions: readonly string[], options: ScanOptions = {}): Promise<RegionUsage[]> {
  const results = await mapPool([...new Set(regions)], options.regionsInFlight ?? 16, async (region) => {
    try {
      return await scanRegionUsage(clientsFor(region), region, options);
    } catch (error) {
      return error instanceof AccountScanError ? error : new AccountScanError([{ region, reason: reasonOf(error) }]);
    }
  });
  const failures = results.flatMap((r) => (r instanceof AccountScanError ? r.failures : []));
  if (failures.length) throw new AccountScanError(failures);
  return results as RegionUsage[];
}

async function listInstances(clients: HookClients, scope: Scope): Promise<InstanceSummary[]> {
  const found: InstanceSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await awsCall(scope, "connect ListInstances", () =>
      clients.connect().send(new ListInstancesCommand({ MaxResults: INSTANCE_PAGE_SIZE, NextToken })),
    );
    found.push(...(page.InstanceSummaryList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}

function groupByInstance(campaigns: readonly RegionCampaign[]): Map<string, RegionCampaign[]> {
  const byInstance = new Map<string, RegionCampaign[]>();
  for (const c of campaigns) byInstance.set(c.connectInstanceId, [...(byInstance.get(c.connectInstanceId) ?? []), c]);
  return byInstance;
}

/** The failed call and AWS's error, without the scope (the Region is what the reader needs). */
function reasonOf(error: unknown): string {
  if (error instanceof AwsCallFailure) return `${error.operation} failed: ${describeError(error.awsError)}`;
  return error instanceof HookFailure ? error.message : describeError(error);
}
