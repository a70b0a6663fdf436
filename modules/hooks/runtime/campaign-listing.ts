/**
 * An instance's campaigns through both APIs, each tagged with the API that describes it fully.
 *
 * AWS documents no rule for which campaigns each API lists. v2 describes a superset of v1's
 * campaign (telephony's dialer and outbound-call settings, plus channels, sources, schedules...),
 * so a campaign listed by v2 is handled through v2, even when v1 lists it too (de-duplicated by
 * ARN, which both APIs give in one form); a campaign only v1 lists is a v1 campaign, backed up
 * in v1's format as it always was.
 */
import type { CampaignApiVersion, CampaignCalls, InstanceFilter, OrGone, SummaryShape } from "./campaign-calls";

export interface FoundCampaign {
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  /** The instance the answer says the campaign is on (checked against the one asked for: campaign-owner.ts). */
  readonly connectInstanceId: string;
  readonly api: CampaignApiVersion;
  /** v2 only: TELEPHONY, SMS, EMAIL, WHATSAPP. */
  readonly channelSubtypes?: readonly string[];
}

/** The calls a cleanup makes through one API version. */
export interface CampaignApi extends CampaignCalls<SummaryShape & { readonly channelSubtypes?: string[] }, string> {
  describeCampaign(id: string): Promise<OrGone<{ readonly id?: string }>>;
}

export type CampaignApis = Readonly<Record<CampaignApiVersion, CampaignApi>>;

/** A campaign found without an instance filter: the instance is the one the answer names. */
export type RegionCampaign = FoundCampaign;

/** Both APIs' campaigns, every page, one entry per ARN (v2's wins), each with the instance the answer names. */
async function listBoth(apis: CampaignApis, instanceId: InstanceFilter): Promise<FoundCampaign[]> {
  const byArn = new Map<string, FoundCampaign>();
  // v2 first: its entry wins for a campaign both APIs list.
  for (const api of ["v2", "v1"] as const) {
    for (const c of await apis[api].listCampaigns(instanceId)) {
      const arn = c.arn ?? c.id ?? "";
      if (byArn.has(arn)) continue;
      const { id = "", name = "", connectInstanceId = "", channelSubtypes } = c;
      byArn.set(arn, { id, name, arn, connectInstanceId, api, ...(channelSubtypes ? { channelSubtypes } : {}) });
    }
  }
  return [...byArn.values()];
}

/** The instance's campaigns (ListCampaigns filtered by it; what comes back is checked by campaign-owner.ts). */
export function listInstanceCampaigns(apis: CampaignApis, instanceId: string): Promise<FoundCampaign[]> {
  return listBoth(apis, instanceId);
}

/** Every campaign of the clients' Region, of every instance (ListCampaigns without a filter). */
export function listRegionCampaigns(apis: CampaignApis): Promise<FoundCampaign[]> {
  return listBoth(apis, undefined);
}

/** States of campaigns of both APIs, each asked through its own API (batches of 25 per API). */
export async function campaignStates(apis: CampaignApis, campaigns: readonly Pick<FoundCampaign, "id" | "api">[]): Promise<Map<string, OrGone<string>>> {
  const states = new Map<string, OrGone<string>>();
  for (const api of ["v1", "v2"] as const) {
    const ids = campaigns.filter((c) => c.api === api).map((c) => c.id);
    if (ids.length) for (const [id, state] of await apis[api].campaignStates(ids)) states.set(id, state);
  }
  return states;
}

/**
 * `"name" (id)` for a v1 campaign, as lines always read; `"name" (id, v2 SMS+EMAIL)` for v2;
 * `extra` (a state) goes last in the parentheses.
 */
export function campaignLabel(c: Pick<FoundCampaign, "name" | "id" | "api" | "channelSubtypes">, extra?: string): string {
  const v2 = c.api === "v2" ? `v2${c.channelSubtypes?.length ? ` ${c.channelSubtypes.join("+")}` : ""}` : undefined;
  return `"${c.name}" (${[c.id, v2, extra].filter(Boolean).join(", ")})`;
}
