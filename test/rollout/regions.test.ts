import * as fs from "node:fs";
import { CAMPAIGNS_REGIONS, CAMPAIGNS_REGIONS_SOURCE, parseRolloutConfig } from "../../modules/rollout";
import { readBotocoreRegions, REGIONS_TABLE_FILE, renderRegionsTable } from "../../modules/rollout/refresh-regions";
import { CONFIG_FILE, configProblems } from "../support/config-problems";
import { describeWithTools } from "../support/tiers";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/** AWS's endpoint data for connect-campaigns (botocore 1.43.11), written out so that the table cannot shrink unnoticed. */
const SERVED = ["af-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-2", "us-east-1", "us-west-2"];

const config = (region: string) => ({ targets: [{ account: "111111111111", region, instances: [{ id: INSTANCE }] }] });

describe("the Region table", () => {
  it("lists every Region AWS's endpoint data serves outbound campaigns in, and names its source", () => {
    expect(Object.keys(CAMPAIGNS_REGIONS).sort()).toEqual(SERVED);
    expect(CAMPAIGNS_REGIONS_SOURCE).toMatch(/^botocore \d+\.\d+\.\d+ data\/endpoints\.json, service connect-campaigns$/);
  });

  it.each(SERVED)("accepts %s without allowUnlistedRegion", (region) => {
    expect(parseRolloutConfig(JSON.stringify(config(region)), CONFIG_FILE).targets[0]).toMatchObject({ region, allowUnlistedRegion: false });
  });

  it.each([
    ["us-east-2", "us-east-1"],
    ["eu-west-1", "eu-west-2"],
    ["eu-central-2", "eu-central-1"],
    ["ap-southeast-3", "ap-southeast-1"],
    ["af-south-2", "af-south-1"],
  ])("refuses the unlisted %s, suggesting %s", (region, suggestion) => {
    expect(configProblems(config(region))).toEqual([
      `$.targets[0].region: expected a Region where outbound campaigns is available (${SERVED.join(", ")}), got "${region}" — did you mean "${suggestion}"? Set "allowUnlistedRegion": true on the target if AWS has added it.`,
    ]);
  });

  it("refuses a FIPS endpoint name as a Region (FIPS is the Region's endpoint variant)", () => {
    expect(configProblems(config("fips-us-east-1"))).toEqual(['$.targets[0].region: expected an AWS Region code like us-east-1, got "fips-us-east-1"']);
  });
});

describeWithTools("the Region table against the installed botocore", () => {
  const botocore = readBotocoreRegions();
  return botocore.ok ? { ok: true } : { ok: false, reason: `${botocore.reason}: cannot compare the Region table with botocore` };
}, () => {
  it("equals botocore's connect-campaigns Regions (refresh: node --import tsx modules/rollout/refresh-regions.ts)", () => {
    const botocore = readBotocoreRegions();
    if (!botocore.ok) throw new Error(botocore.reason);
    expect(CAMPAIGNS_REGIONS).toEqual(botocore.regions);
  });

  it("is the generator's own output (nobody edited it by hand)", () => {
    const version = /botocore (\S+) /.exec(CAMPAIGNS_REGIONS_SOURCE)![1];
    expect(fs.readFileSync(REGIONS_TABLE_FILE, "utf8")).toBe(renderRegionsTable(version, CAMPAIGNS_REGIONS));
  });
});
