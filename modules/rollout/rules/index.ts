import { deployRoleAccount } from "./deploy-role-account";
import { kmsKeyRegion } from "./kms-key-region";
import { oneRoleOwner } from "./one-role-owner";
import { ownerWaveFirst } from "./owner-wave-first";
import { regionListed } from "./region-listed";
import { retiredOwner } from "./retired-owner";
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
  retiredOwner,
  uniqueWaves,
  targetWave,
  ownerWaveFirst,
  uniqueState,
];
