import { unreadableHook } from "./subjects";
import type { RiskRule } from "./rule";

/**
 * What the review cannot read is rated as the worst it could be: a `terraform_data` whose input
 * the plan hides (sensitive, or unknown) may be a cleanup hook with deletion allowed, or an
 * onboarding whose destroy offboards the instance.
 */
export const unreadableHookInput: RiskRule = {
  id: "unreadable-hook-input",
  risk: "high",
  description: "A terraform_data whose input (or input.kind) the plan hides is destroyed or replaced: it could be a hook that deletes campaigns or offboards an instance.",
  check(subject) {
    if (!unreadableHook(subject)) return undefined;
    return `could not read this terraform_data's input (hidden in the plan): it may be a destroy hook that deletes campaigns or offboards an instance, so it is rated as the worst it could be`;
  },
};
