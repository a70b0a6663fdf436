import { isCampaignsRole } from "./subjects";
import type { RiskRule } from "./rule";

/** An import makes this stack the owner of a role that exists already: destroying the stack will delete it. */
export const roleAdopted: RiskRule = {
  id: "role-adopted",
  risk: "medium",
  description: "An existing campaigns role is imported (adopted): from then on, destroying the stack deletes it.",
  check(subject) {
    const importing = subject.resource.change.importing;
    if (!importing || !isCampaignsRole(subject)) return undefined;
    const id = typeof importing.id === "string" ? ` ${importing.id}` : "";
    return `imports the existing campaigns role${id}: this stack owns it from now on, and its destroy deletes it`;
  },
};
