import { Construct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { HookSettings, toCleanupInput } from "../hook-contract";
import { CampaignsHook, CampaignsHookBaseProps, CampaignsHookKind } from "../hook-construct";

/** Properties of {@link CampaignCleanupHook}. */
export interface CampaignCleanupHookProps extends CampaignsHookBaseProps {
  /**
   * Account, Region, instance, deploy role, backup places and — above all —
   * `allowCampaignDeletion` (default false: destroy stops and lists the campaigns). Only these
   * land in the resource's `input`: the onboarding settings belong to {@link InstanceOnboarding}.
   */
  readonly settings: HookSettings;
  /**
   * What must outlive the campaigns: the instance's onboarding and the role. Terraform destroys
   * this hook first, so it runs while they still exist.
   */
  readonly dependsOn: ITerraformDependable[];
}

const CLEANUP: CampaignsHookKind = { resourceId: "cleanup", destroyCommand: "cleanup" };

/**
 * Deletes an instance's campaigns at `terraform destroy`, each backed up first, before the
 * campaigns role is removed — AWS refuses to delete the role while campaigns use it (the deletion
 * task ends FAILED).
 *
 * A `terraform_data` with only a destroy-time `local-exec`. Its `input` (visible in plans)
 * carries `allow_campaign_deletion`; destroy reads the value stored in state, so a change of it
 * takes effect after an apply.
 */
export class CampaignCleanupHook extends CampaignsHook {
  /**
   * Runs, at the next apply, the cleanup of the hook a `CampaignCleanupHook` at `scope`/`id`
   * created, with the settings stored in state (a `removed` block; Terraform >= 1.9). Use it
   * instead of deleting the construct: a resource that simply leaves the configuration is
   * destroyed without its hook, and the campaigns stay.
   */
  public static retire(scope: Construct, id: string, props: CampaignsHookBaseProps = {}): void {
    CampaignsHook.retireAt(scope, id, CLEANUP, props);
  }

  /** The instance whose campaigns this hook cleans up (the account guard lists them). */
  public readonly instanceId: string;

  constructor(scope: Construct, id: string, props: CampaignCleanupHookProps) {
    super(scope, id, { ...CLEANUP, input: toCleanupInput(props.settings), dependsOn: props.dependsOn }, props);
    this.instanceId = props.settings.instanceId;
  }
}
