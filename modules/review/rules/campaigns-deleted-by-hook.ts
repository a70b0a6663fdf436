import { removesObject } from "../change-kind";
import { hookOf } from "./subjects";
import type { RiskRule } from "./rule";

/** The destroy hook runs with deletion allowed: every campaign of the instance goes. */
export const campaignsDeletedByHook: RiskRule = {
  id: "campaigns-deleted-by-hook",
  risk: "high",
  description: "A destroy hook (input.kind campaigns-cleanup) runs with allow_campaign_deletion true: the instance's campaigns are deleted.",
  check(subject) {
    const hook = hookOf(subject, "campaigns-cleanup");
    if (!hook || !removesObject(subject.kind) || hook.allowCampaignDeletion !== true) return undefined;
    return `destroy hook backs up, then deletes every campaign of instance ${hook.instance}`;
  },
};
