import { changedAttributes } from "../values";
import { isCampaignsRole } from "./subjects";
import type { RiskRule } from "./rule";

/** The description and the tags are all that can be edited on a service-linked role. */
const EDITABLE = new Set(["description", "tags", "tags_all"]);

export const roleSettingsChanged: RiskRule = {
  id: "role-settings-changed",
  risk: "medium",
  description: "The campaigns role's description or tags change in place.",
  check(subject) {
    if (!isCampaignsRole(subject) || subject.kind !== "update") return undefined;
    const changed = changedAttributes(subject.resource.change).filter((a) => EDITABLE.has(a.name));
    // tags_all follows tags (plus the provider's default tags): name it only when tags did not change.
    const names = changed.map((a) => a.name).filter((n, _, all) => n !== "tags_all" || !all.includes("tags"));
    return names.length > 0 ? `changes the campaigns role's ${names.join(" and ")}` : undefined;
  },
};
