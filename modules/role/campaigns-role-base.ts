import { Construct, IConstruct } from "constructs";
import { Fn, ITerraformDependable, Token } from "cdktf";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { DataAwsIamRole } from "@cdktf/provider-aws/lib/data-aws-iam-role";
import { DataAwsIamRoles } from "@cdktf/provider-aws/lib/data-aws-iam-roles";
import { CampaignsRoleArnParts, customSuffixProblem, parseCampaignsRoleArn } from "./role-name";
import { CAMPAIGNS_ROLE_PATH } from "./service";
import { literal, literalValues } from "../terraform-builtins";
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
 * What the three kinds share: the reads and their postconditions, the attributes, and prop
 * checks that name the construct and the prop. The construct ids (`role`, `account-roles`,
 * `read-back`) are those of the single construct this replaced: Terraform addresses of stacks
 * applied earlier stay the same.
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

  /** Throws `<construct path>: props.<prop>: <problem>`. */
  public fail(prop: string, problem: string): never {
    throw new Error(`${this.node.path}: props.${prop}: ${problem}`);
  }

  /** Checks a suffix (unless it is a token, known only at apply). */
  public checkSuffix(customSuffix: string | undefined): void {
    if (customSuffix === undefined || Token.isUnresolved(customSuffix)) return;
    const problem = customSuffixProblem(customSuffix);
    if (problem) this.fail("customSuffix", problem);
  }

  /** The parts of a role ARN; undefined for a token (known only at apply). */
  public parseArn(roleArn: string): CampaignsRoleArnParts | undefined {
    if (Token.isUnresolved(roleArn)) return undefined;
    const parts = parseCampaignsRoleArn(roleArn);
    return typeof parts === "string" ? this.fail("roleArn", parts) : parts;
  }

  /**
   * The role's own settings as Terraform must read them: literally (`${` and `%{` escaped, see
   * `literal`), so that a description or tag is data, never a template Terraform evaluates.
   */
  public roleSettings(props: { readonly customSuffix?: string; readonly description?: string; readonly tags?: Record<string, string> }) {
    return {
      customSuffix: props.customSuffix === undefined ? undefined : literal(props.customSuffix),
      description: props.description === undefined ? undefined : literal(props.description),
      tags: literalValues(props.tags),
    };
  }

  /** Refuses props a kind does not take (JavaScript callers get no type check). */
  public refuse(props: object, keys: readonly string[], why: string): void {
    for (const key of keys) if ((props as Record<string, unknown>)[key] !== undefined) this.fail(key, why);
  }
}
