import { CAMPAIGNS_REGIONS, isCampaignsRegion, nearestCampaignsRegion } from "../regions";
import { ConfigRule } from "./rule";

/** A target's Region must be one where outbound campaigns is available, unless the target opts out. */
export const regionListed: ConfigRule = {
  id: "region-listed",
  check: ({ targets }) =>
    targets
      .filter((t) => !t.allowUnlistedRegion && !isCampaignsRegion(t.region))
      .map((t) => ({
        path: `$.targets[${t.index}].region`,
        message:
          `expected a Region where outbound campaigns is available (${Object.keys(CAMPAIGNS_REGIONS).join(", ")}), ` +
          `got "${t.region}" — did you mean "${nearestCampaignsRegion(t.region)}"? ` +
          `Set "allowUnlistedRegion": true on the target if AWS has added it.`,
      })),
};
