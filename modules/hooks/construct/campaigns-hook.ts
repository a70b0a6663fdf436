import { Construct } from "constructs";
import { ITerraformDependable, TerraformResourceLifecycle, Token } from "cdktf";
import type { HookCommand, HookInput, HookTarget } from "../contract";
import { accountIdProblem, instanceIdProblem, regionProblem, roleArnAccount } from "../../aws-values";
import { checkProp, requireProp, ValidationError } from "../../validation";
import { CampaignsHookAsset } from "../asset";
import { addRemovedBlock, addressAt, TerraformData } from "../../terraform-builtins";

/** Properties every hook construct takes. */
export interface CampaignsHookBaseProps {
  /**
   * The hook asset that runs the commands.
   * @default - the stack's {@link CampaignsHookAsset}
   */
  readonly hook?: CampaignsHookAsset;
}

/**
 * Checks where a hook acts by the config's rules (`props.settings.<field>`): a bad instance id,
 * account or Region fails the synth, never the apply. Tokens pass (known only at apply).
 */
export function checkHookTarget(scope: Construct, target: HookTarget, prefix = "settings."): void {
  requireProp(scope, `${prefix}stack`, target.stack, "(the stack id, which names the backups and log lines)");
  checkProp(scope, `${prefix}account`, target.account, accountIdProblem);
  checkProp(scope, `${prefix}region`, target.region, regionProblem);
  checkProp(scope, `${prefix}instanceId`, target.instanceId, instanceIdProblem);
  if (target.deployRoleArn !== undefined && !Token.isUnresolved(target.deployRoleArn)) {
    const account = roleArnAccount(target.deployRoleArn);
    if (account === undefined) throw new ValidationError(scope, `${prefix}deployRoleArn`, `expected an IAM role ARN like arn:aws:iam::123456789012:role/terraform-deploy, got "${target.deployRoleArn}"`);
    if (!Token.isUnresolved(target.account) && account !== target.account) {
      throw new ValidationError(scope, `${prefix}deployRoleArn`, `expected a role in the hook's account ${target.account} (its account guard would refuse another), got a role in ${account}`);
    }
  }
}

/** What a kind of hook is: fixed by each subclass, never by its users. */
export interface CampaignsHookKind {
  /**
   * Id of the `terraform_data` under the construct. It is part of the resource's address in
   * state: changing it would drop the resource (skipping its destroy hook) and create another.
   */
  readonly resourceId: string;
  /** The command `terraform apply` runs when the resource is created. @default - none */
  readonly createCommand?: HookCommand;
  /** The command that runs when the resource is destroyed (also when it is retired). */
  readonly destroyCommand: HookCommand;
}

/** One hook resource as a subclass declares it. */
export interface CampaignsHookSpec extends CampaignsHookKind {
  /** What the hook reads (`self.input`), stored in state. */
  readonly input: HookInput;
  /** What the hook runs after at create, and before at destroy. */
  readonly dependsOn: ITerraformDependable[];
  /** Preconditions and the like. @default - none */
  readonly lifecycle?: TerraformResourceLifecycle;
}

/**
 * The base of this project's hook constructs: a `terraform_data` that stores the hook's input and
 * runs the bundled hook with `local-exec` at create and/or destroy, the input handed over as
 * `CAMPAIGNS_HOOK_INPUT = jsonencode(self.input)` (destroy provisioners may reference only `self`).
 *
 * A hook that is no longer wanted is retired rather than deleted ({@link CampaignsHook.retireAt}):
 * Terraform skips the destroy provisioners of a resource that simply leaves the configuration.
 */
export abstract class CampaignsHook extends Construct {
  /**
   * Declares the removal of the hook resource a construct of `kind` created at `scope`/`id`: a
   * Terraform `removed` block at that resource's address whose destroy-time `local-exec` runs the
   * hook's destroy command with the input in state. A no-op when state holds no such resource.
   */
  protected static retireAt(scope: Construct, id: string, kind: CampaignsHookKind, props: CampaignsHookBaseProps = {}): void {
    const hook = props.hook ?? CampaignsHookAsset.of(scope);
    addRemovedBlock(scope, {
      from: CampaignsHook.addressOf(scope, id, kind),
      destroyProvisioners: [{ command: hook.command(kind.destroyCommand), environment: hook.environment }],
    });
  }

  /**
   * The state address of the hook resource a construct of `kind` creates at `scope`/`id`, e.g.
   * `terraform_data.onboarding-<instance>_onboarding_<hash>` (cdktf's logical ids depend on the
   * construct path alone): what `removed` blocks and `terraform apply -replace=` name.
   */
  protected static addressOf(scope: Construct, id: string, kind: CampaignsHookKind): string {
    return addressAt(scope, TerraformData.tfResourceType, [id, kind.resourceId]);
  }

  /** The `terraform_data` (for `depends_on`); its `input` carries the hook's `kind`. */
  public readonly resource: TerraformData;

  protected constructor(scope: Construct, id: string, spec: CampaignsHookSpec, props: CampaignsHookBaseProps = {}) {
    super(scope, id);
    const hook = props.hook ?? CampaignsHookAsset.of(this);
    const run = (command: HookCommand) => ({ type: "local-exec" as const, command: hook.command(command), environment: hook.environment });
    this.resource = new TerraformData(this, spec.resourceId, {
      input: { ...spec.input },
      dependsOn: spec.dependsOn,
      lifecycle: spec.lifecycle,
      provisioners: [
        ...(spec.createCommand ? [run(spec.createCommand)] : []),
        { ...run(spec.destroyCommand), when: "destroy" as const },
      ],
    });
  }
}
