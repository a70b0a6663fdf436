import { Construct } from "constructs";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { AdoptCampaignsRoleProps, AdoptedCampaignsRole } from "./adopted-campaigns-role";
import { CampaignsRoleBase, ICampaignsServiceLinkedRole } from "./campaigns-role-base";
import { ObservedCampaignsRole } from "./observed-campaigns-role";
import { CAMPAIGNS_SERVICE_PRINCIPAL } from "./service";

/** Properties of {@link CampaignsServiceLinkedRole} (which creates the role). */
export interface CampaignsServiceLinkedRoleProps {
  /**
   * Suffix of the role name (`AWSServiceRoleForConnectCampaigns_<suffix>`). IAM name characters
   * only; the whole name must stay within 64 characters. Changing it replaces the role.
   * @default - no suffix
   */
  readonly customSuffix?: string;

  /**
   * Description of the role (the only attribute of a service-linked role that can be edited).
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags of the role, merged with the provider's default tags.
   * @default - none besides the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * The IAM service-linked role of Amazon Connect outbound campaigns, in the shape of aws-cdk-lib's
 * constructs: what a line does is in its words.
 *
 * - `new CampaignsServiceLinkedRole(scope, id, props)` **creates** the role
 *   (`aws_iam_service_linked_role`); the stack owns it.
 * - `CampaignsServiceLinkedRole.adopt(scope, id, { roleArn })` **adopts** an existing one (a
 *   Terraform `import` block, no "has been taken"); the stack owns it from then on.
 * - `CampaignsServiceLinkedRole.fromRoleArn(scope, id, arn)` and `fromLookup(scope, id)` only
 *   **observe** one: nothing managed, the role read back and checked.
 *
 * Each reads the role back with data sources whose postconditions fail the plan when it is
 * missing or does not trust `connect-campaigns.amazonaws.com`; names and ARNs always come from
 * those attributes (real accounts carry suffixed roles, so the bare name is never assumed).
 */
export class CampaignsServiceLinkedRole extends CampaignsRoleBase {
  /** Adopts the existing role `props.roleArn`: imported, and owned by the stack from then on. */
  public static adopt(scope: Construct, id: string, props: AdoptCampaignsRoleProps): ICampaignsServiceLinkedRole {
    return new AdoptedCampaignsRole(scope, id, props);
  }

  /** Only observes the role `roleArn`: the plan fails unless it exists in the account and trusts the service. */
  public static fromRoleArn(scope: Construct, id: string, roleArn: string): ICampaignsServiceLinkedRole {
    return new ObservedCampaignsRole(scope, id, roleArn);
  }

  /** Only observes the account's one campaigns role, found by its path: the plan fails when there is none, or several. */
  public static fromLookup(scope: Construct, id: string): ICampaignsServiceLinkedRole {
    return new ObservedCampaignsRole(scope, id);
  }

  /** The role resource: this construct always creates it. */
  public declare readonly role: IamServiceLinkedRole;

  constructor(scope: Construct, id: string, props: CampaignsServiceLinkedRoleProps = {}) {
    super(scope, id, (self) => {
      // The earlier construct took { mode, roleArn }: a JavaScript caller still passing them
      // would otherwise create a second role where it meant to adopt or observe one.
      self.refuse(props, ["mode", "roleArn"], "the constructor creates the role; adopt one with CampaignsServiceLinkedRole.adopt(scope, id, { roleArn }), or only observe one with fromRoleArn(scope, id, arn) or fromLookup(scope, id)");
      self.checkSuffix(props.customSuffix);
      const role = new IamServiceLinkedRole(self, "role", {
        awsServiceName: CAMPAIGNS_SERVICE_PRINCIPAL,
        ...self.roleSettings(props),
      });
      return { role };
    });
  }
}
