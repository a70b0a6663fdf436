import { removesObject } from "../change-kind";
import { RULE_RESOURCE_TYPES } from "./subjects";
import type { RiskRule } from "./rule";

/**
 * A resource of a type no rule reads is destroyed or replaced: the review cannot tell what its
 * loss breaks, so it is rated as the worst it could be (creates and updates of such types stay low).
 */
export const unknownTypeRemoved: RiskRule = {
  id: "unknown-type-removed",
  risk: "high",
  description: "A managed resource of a type no review rule knows is destroyed or replaced: what its deletion breaks cannot be read.",
  check(subject) {
    if (subject.resource.mode !== "managed" || RULE_RESOURCE_TYPES.has(subject.resource.type) || !removesObject(subject.kind)) return undefined;
    return `${subject.kind === "replace" ? "replaces" : "destroys"} a ${subject.resource.type}, a type no review rule knows: the review could not read what its deletion breaks, so it is rated as the worst it could be`;
  },
};
