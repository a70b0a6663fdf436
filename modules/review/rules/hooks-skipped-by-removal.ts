import { isCampaignsRole, removedWithoutHooks, storedHookOf } from "./subjects";
import type { RiskRule } from "./rule";

const RETIRE_INSTEAD =
  'put it back in the config with "retired": true on the instance (or the target), apply, then drop it';

/**
 * A hook resource, or the campaigns role, dropped from the configuration: Terraform skips the
 * destroy-time provisioners of resources removed from the configuration, so nothing is backed up,
 * deleted or offboarded — and the JSON plan looks like a normal destroy.
 */
export const hooksSkippedByRemoval: RiskRule = {
  id: "hooks-skipped-by-removal",
  risk: "high",
  description:
    'A hook resource or the campaigns role is removed from the configuration without "retired" (action_reason delete_because_no_resource_config, no removed block): its destroy hooks will not run.',
  check(subject) {
    if (!removedWithoutHooks(subject)) return undefined;
    const cleanup = storedHookOf(subject, "campaigns-cleanup");
    if (cleanup) {
      return `removed from the configuration: its cleanup hook will NOT run — the campaigns of instance ${cleanup.instance} are neither backed up nor deleted; ${RETIRE_INSTEAD}`;
    }
    const onboarding = storedHookOf(subject, "campaigns-onboarding");
    if (onboarding) {
      return `removed from the configuration: its offboarding hook will NOT run — instance ${onboarding.instance} stays onboarded to outbound campaigns; ${RETIRE_INSTEAD}`;
    }
    if (isCampaignsRole(subject)) {
      return `removed from the configuration: the role is deleted without the hooks that clean up and offboard its instances first; ${RETIRE_INSTEAD}`;
    }
    return undefined;
  },
};
