import { ownedRoleName } from "../role-users";
import { repeatsOfFirst } from "./first-seen";
import { ConfigRule } from "./rule";

/**
 * IAM is global: a role belongs to the account, not to a Region. Two targets of one account that
 * both create (or adopt) the same role would fight over it — the second apply fails with "has been
 * taken", and destroying either stack deletes the other's role. One target owns it; the others
 * observe it.
 */
export const oneRoleOwner: ConfigRule = {
  id: "one-role-owner",
  check: ({ targets }) =>
    repeatsOfFirst(
      targets,
      (t) => {
        const name = ownedRoleName(t);
        return name === undefined ? undefined : `${t.account}/${name}`;
      },
      ({ item: t }, { item: earlier }) =>
        // The same (account, Region) twice is unique-targets' finding; one message is enough.
        earlier.region === t.region
          ? undefined
          : {
              path: `$.targets[${t.index}].role`,
              message:
                `expected one owner per role: ${ownedRoleName(t)} in account ${t.account} is already managed by $.targets[${earlier.index}] ` +
                `(IAM roles are global to the account); use {"mode": "observe"} here`,
            },
    ),
};
