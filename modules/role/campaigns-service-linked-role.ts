import { Construct } from "constructs";
import { Fn, ITerraformDependable, Token } from "cdktf";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { DataAwsIamRole } from "@cdktf/provider-aws/lib/data-aws-iam-role";
import { DataAwsIamRoles } from "@cdktf/provider-aws/lib/data-aws-iam-roles";
import { addImportBlock } from "../terraform-builtins";
import { CampaignsRoleArnParts, customSuffixProblem, parseCampaignsRoleArn } from "./role-name";
import { CAMPAIGNS_ROLE_PATH, CAMPAIGNS_SERVICE_PRINCIPAL } from "./service";
import { exactlyOneRolePostconditions, roleExistsPostcondition, roleTrustPostconditions } from "./trust-conditions";

/**
 * How a stack relates to the role.
 * - `create`: the stack declares the role (`aws_iam_service_linked_role`) and owns it.
 * - `adopt`: the role exists already; the stack imports it (Terraform import block) and owns it from then on.
 * - `observe`: the stack does not manage the role; it only reads it back and checks it.
 */
export type CampaignsRoleMode = "create" | "adopt" | "observe";

/** Properties of {@link CampaignsServiceLinkedRole}. */
export interface CampaignsServiceLinkedRoleProps {
  /**
   * How the stack relates to the role.
   * @default "create"
   */
  readonly mode?: CampaignsRoleMode;

  /**
   * Suffix of the role name (`AWSServiceRoleForConnectCampaigns_<suffix>`), for `create`. IAM name
   * characters only; the whole name must stay within 64 characters. Changing it replaces the role.
   * In `adopt` mode it is read from `roleArn`; setting a different one is an error.
   * @default - no suffix
   */
  readonly customSuffix?: string;

  /**
   * Description of the role (the only attribute of a service-linked role that can be edited).
   * @default - none (in `adopt` mode the existing description is left as it is)
   */
  readonly description?: string;

  /**
   * Tags of the role, merged with the provider's default tags.
   * @default - none besides the provider's default tags
   */
  readonly tags?: Record<string, string>;

  /**
   * ARN of the existing role. Required for `adopt`; for `observe` it names the role to read back.
   * @default - none; `observe` then expects exactly one campaigns role in the account
   */
  readonly roleArn?: string;
}

/**
 * The IAM service-linked role of Amazon Connect outbound campaigns, declared (or adopted, or only
 * observed) and read back with data sources whose postconditions fail the plan when the role is
 * missing or does not trust `connect-campaigns.amazonaws.com`.
 *
 * Names and ARNs always come from resource attributes: real accounts carry suffixed roles, so the
 * bare name is never assumed.
 */
export class CampaignsServiceLinkedRole extends Construct {
  /** The role as managed by this stack; undefined in `observe` mode. */
  public readonly role?: IamServiceLinkedRole;
  /** The role read back from IAM (in every mode). */
  public readonly readBack: DataAwsIamRole;
  /** Every campaigns role in the account (`path_prefix` lookup). */
  public readonly accountRoles: DataAwsIamRoles;
  public readonly mode: CampaignsRoleMode;

  constructor(scope: Construct, id: string, props: CampaignsServiceLinkedRoleProps = {}) {
    super(scope, id);
    this.mode = props.mode ?? "create";
    const existing = this.validate(props);

    if (this.mode !== "observe") {
      this.role = new IamServiceLinkedRole(this, "role", {
        awsServiceName: CAMPAIGNS_SERVICE_PRINCIPAL,
        customSuffix: props.customSuffix ?? existing?.customSuffix,
        description: props.description,
        tags: props.tags,
        // An adopted role keeps the description it has unless the config sets one: otherwise
        // the first plan after the import would clear it.
        lifecycle: this.mode === "adopt" && props.description === undefined ? { ignoreChanges: ["description"] } : undefined,
      });
      if (this.mode === "adopt") addImportBlock(this.role, props.roleArn!);
    }

    // depends_on the managed role: the reads wait for it at apply instead of failing at plan.
    const dependsOn = this.role ? [this.role] : undefined;
    this.accountRoles = new DataAwsIamRoles(this, "account-roles", {
      pathPrefix: CAMPAIGNS_ROLE_PATH,
      dependsOn,
      // In create/adopt mode the role was just declared; in observe mode it must already be there.
      lifecycle:
        this.mode !== "observe"
          ? undefined
          : { postcondition: props.roleArn ? [roleExistsPostcondition(props.roleArn)] : exactlyOneRolePostconditions },
    });
    this.readBack = new DataAwsIamRole(this, "read-back", {
      name: this.role?.name ?? existing?.name ?? Fn.one(this.accountRoles.names),
      dependsOn: [this.accountRoles, ...(dependsOn ?? [])],
      lifecycle: { postcondition: roleTrustPostconditions },
    });
  }

  /** ARN of the role, as IAM reports it. */
  public get roleArn(): string {
    return this.readBack.arn;
  }

  /** Name of the role, as IAM reports it. */
  public get roleName(): string {
    return this.readBack.name;
  }

  /** The role's unique id (`AROA...`). */
  public get roleUniqueId(): string {
    return this.readBack.uniqueId;
  }

  /** ARNs of every outbound campaigns role in the account. */
  public get campaignsRoleArns(): string[] {
    return this.accountRoles.arns;
  }

  /** What other resources depend on to run after the role exists (and to be destroyed before it). */
  public get dependable(): ITerraformDependable {
    return this.role ?? this.readBack;
  }

  /** Checks the props; returns the parts of `roleArn` when one is given. */
  private validate(props: CampaignsServiceLinkedRoleProps): CampaignsRoleArnParts | undefined {
    const fail = (prop: string, problem: string): never => {
      throw new Error(`${this.node.path}: props.${prop}: ${problem}`);
    };
    if (!["create", "adopt", "observe"].includes(this.mode)) {
      fail("mode", `expected "create", "adopt" or "observe", got "${this.mode}"`);
    }
    if (props.customSuffix !== undefined && !Token.isUnresolved(props.customSuffix)) {
      const problem = customSuffixProblem(props.customSuffix);
      if (problem) fail("customSuffix", problem);
    }
    if (this.mode === "observe") {
      if (props.customSuffix !== undefined) fail("customSuffix", 'applies to "create" and "adopt" only; observe reads the role as it is');
      if (props.description !== undefined) fail("description", 'applies to "create" and "adopt" only; observe does not change the role');
      if (props.tags !== undefined) fail("tags", 'apply to "create" and "adopt" only; observe does not change the role');
    }
    if (this.mode === "adopt" && props.roleArn === undefined) {
      fail("roleArn", 'is required in "adopt" mode: the ARN of the existing role to import');
    }
    if (props.roleArn === undefined || Token.isUnresolved(props.roleArn)) return undefined;
    if (this.mode === "create") fail("roleArn", 'applies to "adopt" and "observe" only');
    const parts = parseCampaignsRoleArn(props.roleArn);
    if (typeof parts === "string") return fail("roleArn", parts);
    if (this.mode === "adopt" && props.customSuffix !== undefined && props.customSuffix !== parts.customSuffix) {
      fail("customSuffix", `"${props.customSuffix}" differs from the adopted role's suffix "${parts.customSuffix ?? ""}" (a different suffix would replace the role)`);
    }
    return parts;
  }
}
