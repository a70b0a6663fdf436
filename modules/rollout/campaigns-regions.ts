/**
 * AWS Regions where Amazon Connect outbound campaigns is served, with their names.
 *
 * GENERATED — do not edit by hand. Source: AWS's endpoint data as botocore 1.43.11 ships it,
 * `botocore/data/endpoints.json`, service "connect-campaigns": every endpoint that its
 * partition lists as a Region. The FIPS endpoints (fips-us-east-1, fips-us-west-2) are variants of
 * us-east-1 and us-west-2, not Regions: name the Region and set AWS_USE_FIPS_ENDPOINT=true.
 * Refresh: `node --import tsx modules/rollout/refresh-regions.ts` (python3 with botocore);
 * test/rollout/regions.test.ts fails when this table and the installed botocore disagree.
 * A Region AWS adds before this table has it: `"allowUnlistedRegion": true` on the target.
 */
export const CAMPAIGNS_REGIONS_SOURCE = "botocore 1.43.11 data/endpoints.json, service connect-campaigns";

export const CAMPAIGNS_REGIONS: Readonly<Record<string, string>> = {
  "af-south-1": "Africa (Cape Town)",
  "ap-northeast-1": "Asia Pacific (Tokyo)",
  "ap-northeast-2": "Asia Pacific (Seoul)",
  "ap-southeast-1": "Asia Pacific (Singapore)",
  "ap-southeast-2": "Asia Pacific (Sydney)",
  "ca-central-1": "Canada (Central)",
  "eu-central-1": "Europe (Frankfurt)",
  "eu-west-2": "Europe (London)",
  "us-east-1": "US East (N. Virginia)",
  "us-west-2": "US West (Oregon)",
};
