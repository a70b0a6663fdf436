import { Construct, IConstruct } from "constructs";
import { Fn, ITerraformDependable } from "cdktf";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { DataAwsIamRole } from "@cdktf/provider-aws/lib/data-aws-iam-role";
import { DataAwsIamRoles } from "@cdktf/provider-aws/lib/data-aws-iam-roles";
import { CAMPAIGNS_ROLE_PATH } from "./service";
import { exactlyOneRolePostconditions, roleExistsPostcondition, roleTrustPostconditions } from "./trust-conditions";

/**
 * The campaigns service-linked role as a stack sees it, however it got there: created
 * (`new CampaignsServiceLinkedRole`), adopted (`CampaignsServiceLinkedRole.adopt`) or only
 * observed (`CampaignsServiceLinkedRole.fromRoleArn` / `fromLookup`). Every attribute comes from
 * IAM (a data source), never from the bare role name.
 */
export interface ICampaignsServiceLinkedRole extends IConstruct {
  /** The role resource this stack manages (created or adopted); undefined when only observed. */
  readonly role?: IamServiceLinkedRole;
  /** The role read back from IAM, with the postconditions that fail the plan when it is wrong. */
  readonly readBack: DataAwsIamRole;
  /** Every campaigns role in the account (`path_prefix` lookup). */
  readonly accountRoles: DataAwsIamRoles;
  /** ARN of the role, as IAM reports it. */
  readonly roleArn: string;
  /** Name of the role, as IAM reports it. */
  readonly roleName: string;
  /** The role's unique id (`AROA...`). */
  readonly roleUniqueId: string;
  /** ARNs of every outbound campaigns role in the account. */
  readonly campaignsRoleArns: string[];
  /** What other resources depend on to run after the role exists (and to be destroyed before it). */
  readonly dependable: ITerraformDependable;
}

/**
 * The id of the `aws_iam_service_linked_role` inside the created and adopted role constructs:
 * part of its address in state, never to be changed (see
 * `CampaignsServiceLinkedRole.resourceAddressAt`).
 */
export const ROLE_RESOURCE_ID = "role";

/** What a campaigns role construct declares before the reads every kind shares. */
export interface RoleDeclaration {
  /** The role resource the stack manages, when it does. */
  readonly role?: IamServiceLinkedRole;
  /** The role's name when an ARN gives it before apply. */
  readonly knownName?: string;
  /**
   * Only observed: the postconditions on the account's roles (that role exists, or exactly one
   * does). Undefined when the stack manages the role: it was just declared.
   */
  readonly observe?: { readonly roleArn?: string };
}

/**
 * What the three kinds share: the reads and their postconditions, and the attributes. The
 * construct ids (`role`, `account-roles`, `read-back`) are those of the single construct this
 * replaced: Terraform addresses of stacks applied earlier stay the same. The prop checks are
 * module functions (role-props.ts), not members: a role's public API is its attributes.
 */
export abstract class CampaignsRoleBase extends Construct implements ICampaignsServiceLinkedRole {
  public readonly role?: IamServiceLinkedRole;
  public readonly readBack: DataAwsIamRole;
  public readonly accountRoles: DataAwsIamRoles;

  /**
   * @param declare runs once the construct is in the tree (so checks can name its path) and
   *   declares what the kind adds before the reads. Subclasses declare no fields of their own:
   *   class fields would be initialized after this constructor and hide these.
   */
  protected constructor(scope: Construct, id: string, declare: (self: CampaignsRoleBase) => RoleDeclaration) {
    super(scope, id);
    const { role, knownName, observe } = declare(this);
    this.role = role;
    // depends_on the managed role: the reads wait for it at apply instead of failing at plan.
    const dependsOn = role ? [role] : undefined;
    this.accountRoles = new DataAwsIamRoles(this, "account-roles", {
      pathPrefix: CAMPAIGNS_ROLE_PATH,
      dependsOn,
      lifecycle: observe ? { postcondition: observe.roleArn ? [roleExistsPostcondition(observe.roleArn)] : exactlyOneRolePostconditions } : undefined,
    });
    this.readBack = new DataAwsIamRole(this, "read-back", {
      name: role?.name ?? knownName ?? Fn.one(this.accountRoles.names),
      dependsOn: [this.accountRoles, ...(dependsOn ?? [])],
      lifecycle: { postcondition: roleTrustPostconditions },
    });
  }

  public get roleArn(): string {
    return this.readBack.arn;
  }

  public get roleName(): string {
    return this.readBack.name;
  }

  public get roleUniqueId(): string {
    return this.readBack.uniqueId;
  }

  public get campaignsRoleArns(): string[] {
    return this.accountRoles.arns;
  }

  public get dependable(): ITerraformDependable {
    return this.role ?? this.readBack;
  }
}
