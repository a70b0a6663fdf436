import { HookSettings } from "../hook-contract";
import type { InstanceConfig } from "./schema";
import type { ResolvedTarget } from "./resolved";

/** The hook settings of one instance of a target. */
export interface TargetHookSettings {
  readonly instance: InstanceConfig;
  readonly settings: HookSettings;
}

/**
 * The hook settings of every instance of a target. Pure (no cdktf, no AWS SDK): the stacks turn
 * them into `terraform_data` inputs, and the `cleanup` command rebuilds the same values from the
 * config, so that a dry run by hand sees exactly what the destroy hook would.
 */
export function hookSettingsFor(target: ResolvedTarget): TargetHookSettings[] {
  return target.instances.map((instance) => ({
    instance,
    settings: {
      stack: target.stackId,
      account: target.account,
      region: target.region,
      instanceId: instance.id,
      deployRoleArn: target.deployRoleArn,
      kmsKeyArn: instance.kmsKeyArn,
      onboardingTimeoutSeconds: target.onboardingTimeoutSeconds,
      allowCampaignDeletion: target.allowCampaignDeletion,
      backupDir: target.campaignBackup.dir,
      backupS3Bucket: target.campaignBackup.s3Bucket,
    },
  }));
}
