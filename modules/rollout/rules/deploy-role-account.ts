import { roleArnAccount } from "../../aws-values";
import { settingPath } from "../resolve";
import { ConfigRule } from "./rule";

/**
 * The deploy role must live in the target's own account: the provider's `allowed_account_ids`
 * (the target's account) would fail every plan, and each hook's account guard would refuse, only
 * once a pipeline runs. A hub role that deploys elsewhere goes in front of it (`policy --trust`).
 */
export const deployRoleAccount: ConfigRule = {
  id: "deploy-role-account",
  check: ({ config, targets }) =>
    targets.flatMap((t) => {
      const account = t.deployRoleArn ? roleArnAccount(t.deployRoleArn) : undefined;
      if (account === undefined || account === t.account) return [];
      const where = settingPath(config.targets[t.index], t.index, "deployRoleArn");
      return [
        {
          path: where,
          message: `expected a role in the target's account ${t.account} (write arn:aws:iam::{account}:role/<name> to fill it per target), got a role in ${account}${where.startsWith("$.defaults") ? ` (applied to $.targets[${t.index}])` : ""}`,
        },
      ];
    }),
};
