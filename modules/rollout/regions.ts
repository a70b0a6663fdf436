/**
 * AWS Regions where Amazon Connect outbound campaigns can be used.
 *
 * Source: AWS re:Post knowledge center, "How do I troubleshoot issues with outbound campaigns in
 * Amazon Connect?" (campaign calls are supported between these Regions and their countries), and
 * the admin guide "Availability of Amazon Connect features by Region" (Outbound campaigns).
 * Amazon Connect itself is in more Regions (af-south-1, ap-northeast-1, ap-northeast-2,
 * ap-southeast-1, eu-central-1, us-gov-west-1); whether campaigns are offered there is not
 * documented consistently, so they are left out. A target in a Region missing here sets
 * `"allowUnlistedRegion": true`.
 *
 * This is the only place the list is written down.
 */
export const CAMPAIGNS_REGIONS: Readonly<Record<string, string>> = {
  "us-east-1": "US East (N. Virginia)",
  "us-west-2": "US West (Oregon)",
  "ca-central-1": "Canada (Central)",
  "eu-west-2": "Europe (London)",
  "ap-southeast-2": "Asia Pacific (Sydney)",
};

/** Whether outbound campaigns are known to be available in `region`. */
export function isCampaignsRegion(region: string): boolean {
  return Object.prototype.hasOwnProperty.call(CAMPAIGNS_REGIONS, region);
}

/** The listed Region whose code is closest to `region` (edit distance), to suggest a fix. */
export function nearestCampaignsRegion(region: string): string {
  let best = "";
  let bestDistance = Infinity;
  for (const candidate of Object.keys(CAMPAIGNS_REGIONS)) {
    const distance = editDistance(region, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance; the strings here are a few dozen characters. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
