import { removesObject } from "../change-kind";
import { hookOf } from "./subjects";
import type { RiskRule } from "./rule";

/**
 * The destroy hook runs with deletion not allowed: if the instance has campaigns, the destroy
 * stops there (nothing deleted). A hidden setting is not this rule's: `campaigns-deleted-by-hook`
 * rates it as allowed.
 */
export const destroyStopsAtGuard: RiskRule = {
  id: "destroy-stops-at-guard",
  risk: "medium",
  description: "A destroy hook (input.kind campaigns-cleanup) runs with allow_campaign_deletion false: the destroy stops if the instance has campaigns.",
  check(subject) {
    const hook = hookOf(subject, "campaigns-cleanup");
    if (!hook || !removesObject(subject.kind) || hook.allowCampaignDeletion !== false) return undefined;
    return `destroy hook runs for instance ${hook.instance}; campaign deletion is not allowed: the destroy stops there if the instance has campaigns`;
  },
};
