import { isCampaignsRole } from "./subjects";
import type { RiskRule } from "./rule";

/**
 * `--live` only: the plan deletes the campaigns role, and the stack's account guard, asked now,
 * would refuse (another Region's instance, one outside the config, campaigns it may not delete):
 * the destroy cannot complete as planned. High, naming what blocks it.
 */
export const roleDeletionBlocked: RiskRule = {
  id: "role-deletion-blocked",
  risk: "high",
  description: "With --live: the campaigns role is deleted while the account guard would refuse (something outside this destroy still uses the role).",
  check(subject) {
    if (!isCampaignsRole(subject) || (subject.kind !== "delete" && subject.kind !== "replace")) return undefined;
    if (!subject.roleBlockedBy?.length) return undefined;
    return `blocked by ${subject.roleBlockedBy.join("; ")}: the account guard will refuse this destroy before anything is deleted`;
  },
};
