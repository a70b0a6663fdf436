/**
 * How to fix each finding, in commands a person can paste. The onboarding's address comes from
 * the stack's own construct naming (modules/stack `onboardingAddress`), never re-typed here.
 */
import type { ResolvedRollout, ResolvedTarget } from "../rollout/resolved";
import type { DriftKind } from "./findings";

/** Where synth writes the stacks (relative to the project root), as `terraform -chdir=` takes it. */
export const DEFAULT_STACKS_DIR = "cdktf.out/stacks";

export interface FixContext {
  readonly rollout: ResolvedRollout;
  /** @default {@link DEFAULT_STACKS_DIR} */
  readonly stacksDir?: string;
}

export function fixFor(kind: DriftKind, target: ResolvedTarget, context: FixContext, instance?: string): string {
  const terraform = `terraform -chdir=${context.stacksDir ?? DEFAULT_STACKS_DIR}/${target.stackId}`;
  const replace = () => `${terraform} apply -replace=${onboardingAddress()(instance ?? "")}`;
  switch (kind) {
    case "role-missing":
      if (target.role.mode !== "observe") return `${terraform} apply (its plan sees the role gone and creates it again)`;
      return `apply the stack that owns the role in account ${target.account}${ownerOf(target, context.rollout)}, or onboard an instance (onboarding creates the role)`;
    case "role-mismatch":
      return "a role under the campaigns path that trusts other principals was not made by AWS: find who made it (CloudTrail), delete it, and apply the stack that owns the role";
    case "not-onboarded":
      return `${replace()} (onboards it again; the offboarding finds it already offboarded and keeps its campaigns)`;
    case "linked-to-other-role":
      return `${replace()} (offboards, then onboards it again, linking it to the account's campaigns role)`;
    case "kms-key-mismatch":
      return `${replace()} onboards it again with the configured key (AWS cannot change an onboarded instance's key); if the config is what changed, see "Changing an instance's KMS key" in the README`;
    case "retire-pending":
      return `${terraform} apply (its removed blocks back up and delete the campaigns, then offboard the instance), then drop the instance from the config`;
    case "unmanaged-instance":
      return `add it to the instances of ${target.stackId} (then retire it to remove it safely), or delete its campaigns and offboard it by hand: a destroy of the account's role fails while it holds campaigns`;
  }
}

/**
 * The stack's naming (modules/stack), loaded when a fix first needs it: it brings cdktf (≈1–2 s
 * to load), which a check that finds nothing, or only role findings, never pays for.
 */
function onboardingAddress(): typeof import("../stack/campaigns-target-stack").onboardingAddress {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../stack/campaigns-target-stack") as typeof import("../stack/campaigns-target-stack")).onboardingAddress;
}

/** " (stack campaigns-…)" of the target that creates or adopts the role of the account, if the config has one. */
function ownerOf(target: ResolvedTarget, rollout: ResolvedRollout): string {
  const owner = rollout.targets.find((t) => t.account === target.account && t.role.mode !== "observe" && !t.retired);
  return owner ? ` (${owner.stackId})` : "";
}
