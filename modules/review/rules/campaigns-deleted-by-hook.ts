import { removesObject } from "../change-kind";
import { hookOf } from "./subjects";
import type { RiskRule } from "./rule";

/**
 * The destroy hook runs with deletion allowed: every campaign of the instance goes. A hidden
 * `allow_campaign_deletion` is rated as the worst it could be: allowed.
 */
export const campaignsDeletedByHook: RiskRule = {
  id: "campaigns-deleted-by-hook",
  risk: "high",
  description: "A destroy hook (input.kind campaigns-cleanup) runs with allow_campaign_deletion true (or hidden in the plan): the instance's campaigns are deleted.",
  check(subject) {
    const hook = hookOf(subject, "campaigns-cleanup");
    if (!hook || !removesObject(subject.kind) || hook.allowCampaignDeletion === false) return undefined;
    const hidden = hook.allowCampaignDeletion === undefined ? "could not read allow_campaign_deletion (hidden in the plan), so it is rated as allowed: the " : "";
    return `${hidden}destroy hook backs up, then deletes every campaign of instance ${hook.instance}`;
  },
};
