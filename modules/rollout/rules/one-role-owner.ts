import { campaignsRoleName, parseCampaignsRoleArn } from "../../role/names";
import type { ResolvedTarget } from "../resolved";
import { ConfigRule } from "./rule";

/** The role name a target creates or adopts, or undefined when it only observes. */
function ownedRoleName(target: ResolvedTarget): string | undefined {
  const role = target.role;
  if (role.mode === "observe") return undefined;
  if (role.mode === "adopt") {
    const parts = parseCampaignsRoleArn(role.arn);
    return typeof parts === "string" ? undefined : parts.name;
  }
  return campaignsRoleName(role.customSuffix);
}

/**
 * IAM is global: a role belongs to the account, not to a Region. Two targets of one account that
 * both create (or adopt) the same role would fight over it — the second apply fails with "has been
 * taken", and destroying either stack deletes the other's role. One target owns it; the others
 * observe it.
 */
export const oneRoleOwner: ConfigRule = {
  id: "one-role-owner",
  check: ({ targets }) => {
    const owner = new Map<string, number>();
    return targets.flatMap((t) => {
      const name = ownedRoleName(t);
      if (name === undefined) return [];
      const key = `${t.account}/${name}`;
      const earlier = owner.get(key);
      if (earlier === undefined) {
        owner.set(key, t.index);
        return [];
      }
      // The same (account, Region) twice is unique-targets' finding; one message is enough.
      if (targets[earlier].region === t.region) return [];
      return [
        {
          path: `$.targets[${t.index}].role`,
          message:
            `expected one owner per role: ${name} in account ${t.account} is already managed by $.targets[${earlier}] ` +
            `(IAM roles are global to the account); use {"mode": "observe"} here`,
        },
      ];
    });
  },
};
