import { parseCampaignsRoleArn } from "../../role/names";
import { settingPath } from "../resolve";
import { ConfigRule } from "./rule";

/** An adopted or observed role must live in the target's own account. */
export const roleAccount: ConfigRule = {
  id: "role-account",
  check: ({ config, targets }) =>
    targets.flatMap((t) => {
      const arn = t.role.mode === "create" ? undefined : t.role.arn;
      const parts = arn ? parseCampaignsRoleArn(arn) : undefined;
      if (!parts || typeof parts === "string" || parts.account === t.account) return [];
      return [
        {
          path: `${settingPath(config.targets[t.index], t.index, "role")}.arn`,
          message: `expected a role in the target's account ${t.account}, got a role in ${parts.account}${config.targets[t.index].role ? "" : ` (applied to $.targets[${t.index}])`}`,
        },
      ];
    }),
};
