import { campaignDeletionArmed } from "./campaign-deletion-armed";
import { campaignsDeletedByHook } from "./campaigns-deleted-by-hook";
import { campaignsRoleRemoved } from "./campaigns-role-removed";
import { destroyStopsAtGuard } from "./destroy-stops-at-guard";
import { hooksSkippedByRemoval } from "./hooks-skipped-by-removal";
import { instanceOffboarded } from "./instance-offboarded";
import { planErrored } from "./plan-errored";
import { roleAdopted } from "./role-adopted";
import type { PlanRule, RiskRule } from "./rule";
import { roleSettingsChanged } from "./role-settings-changed";
import { unknownTypeRemoved } from "./unknown-type-removed";
import { unreadableHookInput } from "./unreadable-hook";

export type { PlanRule, RiskRule, RuleSubject } from "./rule";

/** Every risk rule, highest risk first; a change matched by none is low risk. */
export const RISK_RULES: readonly RiskRule[] = [
  hooksSkippedByRemoval,
  campaignsRoleRemoved,
  instanceOffboarded,
  campaignsDeletedByHook,
  unreadableHookInput,
  unknownTypeRemoved,
  roleSettingsChanged,
  campaignDeletionArmed,
  destroyStopsAtGuard,
  roleAdopted,
];

/** Every rule on a plan as a whole (the stack's own findings), highest risk first. */
export const PLAN_RULES: readonly PlanRule[] = [planErrored];
