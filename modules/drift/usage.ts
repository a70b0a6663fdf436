/**
 * What the configured instances hold: their campaigns through both APIs, counted, and how many
 * are running or paused (what a cleanup must stop before a destroy).
 */
import { campaignStates, isActive, listInstanceCampaigns, CampaignsApi, CampaignsV2Api, type HookClients, type Scope } from "../hook-runtime";
import type { CampaignCounts } from "./instance-check";

export interface RegionUsage {
  /** Campaign counts by instance id. */
  readonly counts: ReadonlyMap<string, CampaignCounts>;
}

export async function regionUsage(clients: HookClients, scope: Scope, instanceIds: readonly string[]): Promise<RegionUsage> {
  const apis = { v1: new CampaignsApi(clients.campaigns, scope), v2: new CampaignsV2Api(clients.campaignsV2, scope) };
  const counts = new Map<string, CampaignCounts>();
  for (const id of instanceIds) {
    const campaigns = await listInstanceCampaigns(apis, id);
    const states = campaigns.length > 0 ? await campaignStates(apis, campaigns) : new Map<string, string>();
    counts.set(id, {
      v1: campaigns.filter((c) => c.api === "v1").length,
      v2: campaigns.filter((c) => c.api === "v2").length,
      active: [...states.values()].filter(isActive).length,
    });
  }
  return { counts };
}
