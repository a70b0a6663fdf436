import { CAMPAIGNS_REGIONS } from "./campaigns-regions";
import { nearest } from "./suggest";

/*
 * The Region table itself is generated from AWS's endpoint data (campaigns-regions.ts names its
 * source and how to refresh it); this file holds what the rules ask of it.
 */
export { CAMPAIGNS_REGIONS, CAMPAIGNS_REGIONS_SOURCE } from "./campaigns-regions";

/** Whether outbound campaigns is served in `region`. */
export function isCampaignsRegion(region: string): boolean {
  return Object.prototype.hasOwnProperty.call(CAMPAIGNS_REGIONS, region);
}

/** The listed Region whose code is closest to `region` (edit distance), to suggest a fix. */
export function nearestCampaignsRegion(region: string): string {
  return nearest(region, Object.keys(CAMPAIGNS_REGIONS)) ?? "";
}
