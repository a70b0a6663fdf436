import { hookAt } from "./subjects";
import type { RiskRule } from "./rule";

/**
 * `allow_campaign_deletion` goes from false to true on a cleanup hook: nothing is deleted by this
 * apply, but from then on the instance's next destroy (or retirement) backs up and deletes every
 * campaign it has. `review --live` says how many that is now.
 */
export const campaignDeletionArmed: RiskRule = {
  id: "campaign-deletion-armed",
  risk: "medium",
  description: "A cleanup hook's allow_campaign_deletion changes to true: the instance's next destroy deletes every campaign it has.",
  check(subject) {
    const before = hookAt(subject, "campaigns-cleanup", "before");
    const after = hookAt(subject, "campaigns-cleanup", "after");
    if (!after || after.allowCampaignDeletion !== true || before?.allowCampaignDeletion === true) return undefined;
    return `arms campaign deletion for instance ${after.instance}: its next destroy (or retirement) backs up, then deletes every campaign of the instance`;
  },
};
