import { removesObject } from "../change-kind";
import { hookOf } from "./subjects";
import type { RiskRule } from "./rule";

/**
 * The destroy hook runs with deletion not allowed: if the instance has campaigns, the destroy
 * stops there (nothing deleted). A hidden setting is reported here too: it must be looked at.
 */
export const destroyStopsAtGuard: RiskRule = {
  id: "destroy-stops-at-guard",
  risk: "medium",
  description: "A destroy hook (input.kind campaigns-cleanup) runs with allow_campaign_deletion false: the destroy stops if the instance has campaigns.",
  check(subject) {
    const hook = hookOf(subject, "campaigns-cleanup");
    if (!hook || !removesObject(subject.kind) || hook.allowCampaignDeletion === true) return undefined;
    const setting = hook.allowCampaignDeletion === undefined ? "allow_campaign_deletion is hidden in the plan" : "campaign deletion is not allowed";
    return `destroy hook runs for instance ${hook.instance}; ${setting}: the destroy stops there if the instance has campaigns`;
  },
};
