import { Construct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { CleanupSettings, toCleanupInput } from "../contract";
import { CampaignsHook, CampaignsHookBaseProps, CampaignsHookKind, checkHookTarget } from "../construct";
import { checkProp, requireProp } from "../../validation";

/** Properties of {@link CampaignCleanupHook}. */
export interface CampaignCleanupHookProps extends CampaignsHookBaseProps {
  /**
   * Account, Region, instance, deploy role, backup places and — above all —
   * `allowCampaignDeletion` (default false: destroy stops and lists the campaigns): what lands in
   * the resource's `input` (the onboarding's settings belong to {@link InstanceOnboarding}).
   * Checked at synth by the config's rules.
   */
  readonly settings: CleanupSettings;
  /**
   * What must outlive the campaigns: the instance's onboarding and the role. Terraform destroys
   * this hook first, so it runs while they still exist.
   */
  readonly dependsOn: ITerraformDependable[];
}

/** Checks where the backups go; `props` names the two props (they differ between the constructs). */
export function checkBackupPlaces(scope: Construct, dir: string, s3Bucket: string | undefined, props: { readonly dir: string; readonly s3Bucket: string }): void {
  requireProp(scope, props.dir, dir, "(the backup root: absolute, or relative to the stack directory)");
  checkProp(scope, props.dir, dir, (d) => (d.length === 0 ? "expected a directory (absolute, or relative to the stack directory)" : undefined));
  checkProp(scope, props.s3Bucket, s3Bucket, (bucket) => (S3_BUCKET.test(bucket) ? undefined : "expected an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)"));
}

const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

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
    checkHookTarget(this, props.settings);
    checkBackupPlaces(this, props.settings.backupDir, props.settings.backupS3Bucket, { dir: "settings.backupDir", s3Bucket: "settings.backupS3Bucket" });
    this.instanceId = props.settings.instanceId;
  }
}
