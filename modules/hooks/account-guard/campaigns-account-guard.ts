import { Construct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { accountIdProblem, regionProblem } from "../../aws-values";
import { checkProp } from "../../validation";
import { type AccountGuardHookInput, type AccountGuardTarget, toAccountGuardInput } from "../contract";
import { CampaignsHook, CampaignsHookBaseProps, CampaignsHookKind } from "../construct";
import type { CampaignCleanupHook } from "../cleanup";
import { CAMPAIGNS_REGIONS } from "../../rollout/campaigns-regions";

/** Properties of {@link CampaignsAccountGuard}. */
export interface CampaignsAccountGuardProps extends CampaignsHookBaseProps {
  /** The stack id, `campaigns-<account>-<region>`: names the guard's log lines and STS session. */
  readonly stack: string;
  /** The account whose role the stack deletes (12 digits). */
  readonly account: string;
  /** The stack's own Region. */
  readonly region: string;
  /**
   * Role the guard assumes to read every Region (the provider's deploy role).
   * @default - the caller's identity
   */
  readonly deployRoleArn?: string;
  /** The ARN of the role the stack deletes (`CampaignsServiceLinkedRole.roleArn`). */
  readonly roleArn: string;
  /** The role itself (`.dependable`): it is deleted after the guard. */
  readonly role: ITerraformDependable;
  /**
   * The stack's cleanup hooks: the guard is destroyed before every one of them (it depends on
   * them), and their instances are what this destroy cleans up itself.
   */
  readonly cleanupHooks: readonly CampaignCleanupHook[];
  /**
   * Whether those hooks may delete campaigns; with false, campaigns on them block the destroy.
   * @default false
   */
  readonly allowCampaignDeletion?: boolean;
  /**
   * Regions to scan besides the stack's own.
   * @default - every Region of the Region table (`CAMPAIGNS_REGIONS`)
   */
  readonly regions?: readonly string[];
  /**
   * The account's other targets (Region and stack), to name the stack that holds a finding.
   * @default - none: findings name the Region and instance only
   */
  readonly accountTargets?: readonly AccountGuardTarget[];
}

const GUARD: CampaignsHookKind = { resourceId: "guard", destroyCommand: "account-guard" };

/**
 * The account-wide guard before the campaigns role is deleted. The role is global to the
 * account, and IAM deletes it only once no campaign of any Region uses it; a stack sees one
 * Region. At destroy (and when a retired target's `removed` blocks run) this hook runs first —
 * it depends on every cleanup hook and on the role, so Terraform destroys it before them — scans
 * every Region of the account, and refuses (exit 3, nothing touched) when anything the destroy
 * does not clean up itself still uses the role, naming each Region, instance, campaign count and
 * the stack that holds it.
 *
 * A `terraform_data` with only a destroy-time `local-exec`; nothing runs at create.
 */
export class CampaignsAccountGuard extends CampaignsHook {
  /** Runs the guard of a `CampaignsAccountGuard` at `scope`/`id` at the next apply (a `removed` block). */
  public static retire(scope: Construct, id: string, props: CampaignsHookBaseProps = {}): void {
    CampaignsHook.retireAt(scope, id, GUARD, props);
  }

  /** What the guard reads at destroy (stored in state). */
  public readonly input: AccountGuardHookInput;

  constructor(scope: Construct, id: string, props: CampaignsAccountGuardProps) {
    const input = guardInput(props);
    super(scope, id, { ...GUARD, input, dependsOn: [props.role, ...props.cleanupHooks.map((h) => h.resource)] }, props);
    this.input = input;
    // The config's own rules (modules/aws-values), the prop named as every construct names it.
    checkProp(this, "account", props.account, accountIdProblem);
    checkProp(this, "region", props.region, regionProblem);
    (props.regions ?? []).forEach((region, i) => checkProp(this, `regions[${i}]`, region, regionProblem));
    checkProp(this, "roleArn", props.roleArn, (arn) => (arn.startsWith("arn:") ? undefined : "expected an IAM role ARN"));
    (props.accountTargets ?? []).forEach((t, i) => checkProp(this, `accountTargets[${i}].region`, t.region, regionProblem));
  }
}

function guardInput(props: CampaignsAccountGuardProps): AccountGuardHookInput {
  return toAccountGuardInput({
    ...props,
    regions: props.regions ?? Object.keys(CAMPAIGNS_REGIONS),
    instanceIds: props.cleanupHooks.map((h) => h.instanceId),
  });
}
