import { campaignsDeletedByHook } from "./campaigns-deleted-by-hook";
import { campaignsRoleRemoved } from "./campaigns-role-removed";
import { destroyStopsAtGuard } from "./destroy-stops-at-guard";
import { hooksSkippedByRemoval } from "./hooks-skipped-by-removal";
import { instanceOffboarded } from "./instance-offboarded";
import { roleAdopted } from "./role-adopted";
import { roleDeletionBlocked } from "./role-deletion-blocked";
import type { RiskRule } from "./rule";
import { roleSettingsChanged } from "./role-settings-changed";

export type { RiskRule, RuleSubject } from "./rule";

/** Every risk rule, highest risk first; a change matched by none is low risk. */
export const RISK_RULES: readonly RiskRule[] = [
  roleDeletionBlocked,
  hooksSkippedByRemoval,
  campaignsRoleRemoved,
  instanceOffboarded,
  campaignsDeletedByHook,
  roleSettingsChanged,
  destroyStopsAtGuard,
  roleAdopted,
];
