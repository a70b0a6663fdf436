import { describeTarget, roleUses } from "../role-users";
import { ConfigRule } from "./rule";

/**
 * A retired target's apply deletes the role it owns; IAM refuses while campaigns of the account's
 * other Regions still use it — after this target's own campaigns were already backed up and
 * deleted. So the owner retires only with (or after) every target that uses its role.
 */
export const retiredOwner: ConfigRule = {
  id: "retired-owner",
  check: ({ targets }) =>
    roleUses(targets).flatMap(({ owner, roleName, users }) => {
      const using = users.filter((user) => !user.retired);
      if (!owner.retired || using.length === 0) return [];
      return [
        {
          path: `$.targets[${owner.index}].retired`,
          message:
            `expected every target that uses its role to be retired too: in account ${owner.account}, retiring ${describeTarget(owner)} deletes the role ${roleName}, ` +
            `which ${using.map(describeTarget).join(", ")} still use${using.length === 1 ? "s" : ""}; retire ${using.length === 1 ? "it" : "them"} as well ("retired": true), or keep this target`,
        },
      ];
    }),
};
