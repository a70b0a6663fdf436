import { Construct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { HookSettings, toHookInput } from "../hook-contract";
import { CampaignsHookAsset } from "../hook-asset";
import { TerraformData } from "../terraform-builtins";

/** Properties of {@link CampaignCleanupHook}. */
export interface CampaignCleanupHookProps {
  /**
   * Account, Region, instance, deploy role, backup places and — above all —
   * `allowCampaignDeletion` (default false: destroy stops and lists the campaigns).
   */
  readonly settings: HookSettings;
  /**
   * What must outlive the campaigns: the instance's onboarding and the role. Terraform destroys
   * this hook first, so it runs while they still exist.
   */
  readonly dependsOn: ITerraformDependable[];
  /**
   * The hook asset that runs the cleanup.
   * @default - the stack's {@link CampaignsHookAsset}
   */
  readonly hook?: CampaignsHookAsset;
}

/**
 * Deletes an instance's campaigns at `terraform destroy`, each backed up first, before the
 * campaigns role is removed — AWS refuses to delete the role while campaigns use it (the deletion
 * task ends FAILED).
 *
 * A `terraform_data` with only a destroy-time `local-exec`. Its `input` (visible in plans)
 * carries `allow_campaign_deletion`; destroy reads the value stored in state, so a change of it
 * takes effect after an apply.
 */
export class CampaignCleanupHook extends Construct {
  public readonly resource: TerraformData;

  constructor(scope: Construct, id: string, props: CampaignCleanupHookProps) {
    super(scope, id);
    const hook = props.hook ?? CampaignsHookAsset.of(this);
    this.resource = new TerraformData(this, "cleanup", {
      input: { ...toHookInput("campaigns-cleanup", props.settings) },
      dependsOn: props.dependsOn,
      provisioners: [{ type: "local-exec", when: "destroy", command: hook.command("cleanup"), environment: hook.environment }],
    });
  }
}
