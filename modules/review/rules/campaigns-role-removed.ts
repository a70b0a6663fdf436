import { isCampaignsRole } from "./subjects";
import type { RiskRule } from "./rule";

/** Deleting the campaigns role, or replacing it (a replacement deletes it first), breaks outbound campaigns. */
export const campaignsRoleRemoved: RiskRule = {
  id: "campaigns-role-removed",
  risk: "high",
  description: "The campaigns service-linked role is deleted or replaced (a replacement deletes it first).",
  check(subject) {
    if (!isCampaignsRole(subject)) return undefined;
    if (subject.kind === "delete") return "deletes the campaigns service-linked role: outbound campaigns of the account stop working";
    if (subject.kind !== "replace") return undefined;
    const paths = (subject.resource.change.replace_paths ?? []).map((p) => p.join("."));
    const because = paths.length > 0 ? ` (${paths.join(", ")} changed)` : "";
    return `replaces the campaigns service-linked role${because}: it is deleted first, campaigns lose it until the new one exists`;
  },
};
