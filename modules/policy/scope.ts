/**
 * What a policy is scoped to: the targets of a rollout config, or — without one — any account,
 * Region and instance. Every ARN the statements name is built here.
 */
import { SelectionError, type ResolvedBackend, type ResolvedRollout } from "../rollout";

/** `*` stands for "any", the unscoped policy printed without `--config`. */
export const ANY = "*";

export interface PolicyTarget {
  readonly account: string;
  readonly region: string;
  /** Connect instance ids, or [ANY]. */
  readonly instanceIds: readonly string[];
  readonly kmsKeyArns: readonly string[];
  readonly backupS3Bucket?: string;
  readonly backend?: ResolvedBackend;
}

export interface PolicyScope {
  readonly partition: string;
  readonly targets: readonly PolicyTarget[];
  /** True without a config: KMS keys are then "any key", since a stack may name one. */
  readonly unscoped: boolean;
}

/** The unscoped policy: any account, Region, instance and key of the partition. */
export function anyTarget(partition = "aws"): PolicyScope {
  return { partition, unscoped: true, targets: [{ account: ANY, region: ANY, instanceIds: [ANY], kmsKeyArns: [] }] };
}

/** AWS partitions by Region name (us-gov-* and cn-* live in their own partitions). */
export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

/** The targets of a config, optionally only those of one account. */
export function scopeOf(rollout: ResolvedRollout, account?: string): PolicyScope {
  const chosen = rollout.targets.filter((t) => account === undefined || t.account === account);
  if (chosen.length === 0) throw new SelectionError(`${rollout.file}: no target in account ${account}`);
  const partitions = new Set(chosen.map((t) => partitionOf(t.region)));
  if (partitions.size > 1) {
    throw new SelectionError(`${rollout.file}: targets span partitions ${[...partitions].join(", ")}; print one policy per partition with --account`);
  }
  return {
    partition: [...partitions][0],
    unscoped: false,
    targets: chosen.map((t) => ({
      account: t.account,
      region: t.region,
      instanceIds: t.instances.map((i) => i.id),
      kmsKeyArns: t.instances.flatMap((i) => (i.kmsKeyArn ? [i.kmsKeyArn] : [])),
      backupS3Bucket: t.campaignBackup.s3Bucket,
      backend: t.backend,
    })),
  };
}

/** ARN builders; each takes the scope's partition. */
export const arn = {
  campaignsRoles: (p: string, account: string, namePrefix = "") =>
    `arn:${p}:iam::${account}:role/aws-service-role/connect-campaigns.amazonaws.com/${namePrefix}*`,
  campaigns: (p: string, t: PolicyTarget) => `arn:${p}:connect-campaigns:${t.region}:${t.account}:campaign/*`,
  eventRules: (p: string, t: PolicyTarget) => `arn:${p}:events:${t.region}:${t.account}:rule/*`,
  anyKmsKey: (p: string) => `arn:${p}:kms:*:*:key/*`,
  s3Bucket: (p: string, bucket: string) => `arn:${p}:s3:::${bucket}`,
  s3Object: (p: string, bucket: string, key: string) => `arn:${p}:s3:::${bucket}/${key}`,
};
