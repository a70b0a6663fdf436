import { Construct } from "constructs";
import { CampaignsRoleBase } from "./campaigns-role-base";
import { parseRoleArnProp } from "./role-props";

/**
 * A campaigns role this stack does not manage, only reads back and checks: see
 * `CampaignsServiceLinkedRole.fromRoleArn` and `fromLookup`.
 */
export class ObservedCampaignsRole extends CampaignsRoleBase {
  /** @param roleArn the role to read; without it, exactly one campaigns role must exist in the account. */
  constructor(scope: Construct, id: string, roleArn?: string) {
    super(scope, id, (self) => ({ knownName: roleArn === undefined ? undefined : parseRoleArnProp(self, "roleArn", roleArn)?.name, observe: { roleArn } }));
  }
}
