/**
 * What a target's Region holds now, from the account scan of the hook runtime (account-usage.ts,
 * shared with the guard before a role's deletion): every Connect instance with its campaigns
 * config, every campaign of both APIs grouped by instance. Added here: how many campaigns are
 * running or paused, asked only of instances that hold campaigns.
 */
import {
  CampaignsApi,
  CampaignsV2Api,
  campaignStates,
  isActive,
  listInstanceCampaigns,
  mapPool,
  scanRegionUsage,
  type HookClients,
  type InstanceUsage,
  type Scope,
} from "../hooks/runtime";
import type { CampaignCounts, OnboardedConfig } from "./instance-check";

export interface TargetUsage {
  /** Every instance of the Region the scan found, by id. */
  readonly instances: ReadonlyMap<string, OnboardedConfig & { readonly counts: CampaignCounts }>;
}

/** Instances whose campaign states are read at once (GetCampaignStateBatch is paced per Region). */
const STATES_IN_FLIGHT = 4;

export async function targetUsage(clients: HookClients, region: string, scope: Scope): Promise<TargetUsage> {
  const usage = await scanRegionUsage(clients, region, { scope });
  const apis = { v1: new CampaignsApi(clients.campaigns, scope), v2: new CampaignsV2Api(clients.campaignsV2, scope) };
  const entries = await mapPool(usage.instances, STATES_IN_FLIGHT, async (i: InstanceUsage) => {
    let active = 0;
    if (i.v1Campaigns + i.v2Campaigns > 0) {
      const campaigns = await listInstanceCampaigns(apis, i.instanceId);
      active = [...(await campaignStates(apis, campaigns)).values()].filter(isActive).length;
    }
    const config: OnboardedConfig = { onboarded: i.onboarded, serviceLinkedRoleArn: i.serviceLinkedRoleArn, kmsKeyArn: i.kmsKeyArn };
    return [i.instanceId, { ...config, counts: { v1: i.v1Campaigns, v2: i.v2Campaigns, active } }] as const;
  });
  return { instances: new Map(entries) };
}
