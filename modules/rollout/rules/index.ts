import { deployRoleAccount } from "./deploy-role-account";
import { kmsKeyRegion } from "./kms-key-region";
import { oneRoleOwner } from "./one-role-owner";
import { regionListed } from "./region-listed";
import { roleAccount } from "./role-account";
import { ConfigRule } from "./rule";
import { uniqueInstances } from "./unique-instances";
import { uniqueState } from "./unique-state";
import { uniqueTargets } from "./unique-targets";
import { targetWave, uniqueWaves } from "./waves";

export type { ConfigRule, RuleContext } from "./rule";

/** Every rule a config must pass after its schema, in the order their messages are printed. */
export const CONFIG_RULES: readonly ConfigRule[] = [
  regionListed,
  uniqueTargets,
  uniqueInstances,
  kmsKeyRegion,
  roleAccount,
  deployRoleAccount,
  oneRoleOwner,
  uniqueWaves,
  targetWave,
  uniqueState,
];
