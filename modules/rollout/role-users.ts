import { CAMPAIGNS_ROLE_NAME_PREFIX, parseCampaignsRoleArn } from "../role/names";
import type { ResolvedTarget } from "./resolved";

/**
 * The account's side of the campaigns role: IAM is global, so one target of an account owns the
 * role (creates or adopts it) and the account's other targets, in other Regions, observe it.
 * Whatever orders or checks targets by that relation (the rollout's steps, the config rules on
 * waves and retirement) asks here.
 */

/** The role name a target creates or adopts, or undefined when it only observes. */
export function ownedRoleName(target: Pick<ResolvedTarget, "role">): string | undefined {
  const role = target.role;
  if (role.mode === "observe") return undefined;
  if (role.mode === "adopt") {
    const parts = parseCampaignsRoleArn(role.arn);
    return typeof parts === "string" ? undefined : parts.name;
  }
  return role.customSuffix ? `${CAMPAIGNS_ROLE_NAME_PREFIX}_${role.customSuffix}` : CAMPAIGNS_ROLE_NAME_PREFIX;
}

/** Whether the target creates or adopts its account's role (and so must exist before, and go after, the targets that use it). */
export function ownsRole(target: Pick<ResolvedTarget, "role">): boolean {
  return ownedRoleName(target) !== undefined;
}

/**
 * Whether `user` uses the role `owner` manages: an observer of the same account that names that
 * role, or names none (it then looks up the account's one campaigns role, which is this one).
 */
export function usesRoleOf(user: ResolvedTarget, owner: ResolvedTarget): boolean {
  if (user.account !== owner.account || user.role.mode !== "observe") return false;
  const name = ownedRoleName(owner);
  if (name === undefined) return false;
  if (user.role.arn === undefined) return true;
  const parts = parseCampaignsRoleArn(user.role.arn);
  return typeof parts !== "string" && parts.name === name;
}

/** A role owner of the config with the targets that use its role, in config order. */
export interface RoleUse {
  readonly owner: ResolvedTarget;
  readonly roleName: string;
  readonly users: readonly ResolvedTarget[];
}

/**
 * Every role owner of the config with the targets that use its role. A second owner of the same
 * role is one-role-owner's finding: only the first is listed, so other rules do not repeat it.
 */
export function roleUses(targets: readonly ResolvedTarget[]): RoleUse[] {
  // Grouped by account first: a config of thousands of single-Region accounts stays linear.
  const ofAccount = new Map<string, ResolvedTarget[]>();
  for (const t of targets) {
    const same = ofAccount.get(t.account);
    if (same) same.push(t);
    else ofAccount.set(t.account, [t]);
  }
  const seen = new Set<string>();
  return targets.flatMap((owner) => {
    const roleName = ownedRoleName(owner);
    if (roleName === undefined || seen.has(`${owner.account}/${roleName}`)) return [];
    seen.add(`${owner.account}/${roleName}`);
    return [{ owner, roleName, users: ofAccount.get(owner.account)!.filter((user) => usesRoleOf(user, owner)) }];
  });
}

/** A target as messages name it: its JSON path and where it deploys. */
export function describeTarget(target: Pick<ResolvedTarget, "index" | "region">): string {
  return `$.targets[${target.index}] (${target.region})`;
}
