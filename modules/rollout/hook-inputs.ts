import type { AccountGuardSettings, AccountGuardTarget, HookSettings } from "../hooks/contract";
import { CAMPAIGNS_REGIONS } from "./campaigns-regions";
import type { InstanceConfig } from "./schema";
import { absoluteConfigPath, stackRelativeConfigPath, type ResolvedTarget } from "./resolved";

/** The hook settings of one instance of a target. */
export interface TargetHookSettings {
  readonly instance: InstanceConfig;
  readonly settings: HookSettings;
}

/**
 * The hook settings of every instance of a target (retired ones included). Pure (no cdktf, no AWS
 * SDK): the stacks turn them into `terraform_data` inputs, and the `cleanup` command rebuilds the
 * same values from the config, so that a dry run by hand sees exactly what the destroy hook would.
 *
 * @param stackDir where the hooks will run: a relative backup dir is then written relative to it
 *   (what a stack stores). Without it, the backup dir is absolute (what a command run by hand uses).
 */
export function hookSettingsFor(target: ResolvedTarget, stackDir?: string): TargetHookSettings[] {
  const dir = target.campaignBackup.dir;
  const backupDir = stackDir === undefined ? absoluteConfigPath(target, dir) : stackRelativeConfigPath(target, dir, stackDir);
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
      backupDir,
      backupS3Bucket: target.campaignBackup.s3Bucket,
    },
  }));
}

/** The account's other targets as the account guard names them. */
export function accountGuardTargetsOf(target: ResolvedTarget): AccountGuardTarget[] {
  return target.accountTargets.map((t) => ({ region: t.region, stack: t.stackId, retired: t.retired }));
}

/**
 * The account guard's settings for a target that deletes the role: every Region of the table
 * (plus the target's and its account's others), the target's live instances. `roleArn` is what
 * state holds; "" by hand, where any campaigns role counts.
 */
export function accountGuardSettingsFor(target: ResolvedTarget, roleArn: string): AccountGuardSettings {
  return {
    stack: target.stackId,
    account: target.account,
    region: target.region,
    deployRoleArn: target.deployRoleArn,
    roleArn,
    regions: Object.keys(CAMPAIGNS_REGIONS),
    instanceIds: target.instances.filter((i) => !i.retired).map((i) => i.id),
    allowCampaignDeletion: target.allowCampaignDeletion,
    accountTargets: accountGuardTargetsOf(target),
  };
}
