/**
 * One configured instance against AWS: `GetConnectInstanceConfig` is the authoritative link
 * between an instance and its role (and its key); Terraform never refreshes the onboarding's
 * `terraform_data`, so only this call sees an instance offboarded out of band.
 */
import type { InstanceConfig as InstanceSettings } from "../rollout/schema";
import type { CampaignsRole } from "./role-check";
import type { DriftKind } from "./findings";

/** An instance's outbound campaigns config now (the account scan's, or GetConnectInstanceConfig's). */
export interface OnboardedConfig {
  /** GetConnectInstanceConfig answered. */
  readonly onboarded: boolean;
  readonly serviceLinkedRoleArn?: string;
  /** The key of its encryption config, when encryption is enabled. */
  readonly kmsKeyArn?: string;
}

/** An instance's campaigns, through both APIs: what blocks a destroy. */
export interface CampaignCounts {
  readonly v1: number;
  readonly v2: number;
  /** Running or Paused (active): the ones a cleanup must stop. */
  readonly active: number;
}

/** "3 campaigns (1 v1, 2 v2; 1 active)", or "no campaigns". */
export function describeCounts(counts: CampaignCounts | undefined): string {
  if (!counts) return "campaigns not counted";
  const total = counts.v1 + counts.v2;
  if (total === 0) return "no campaigns";
  return `${total} campaign${total === 1 ? "" : "s"} (${counts.v1} v1, ${counts.v2} v2; ${counts.active} running or paused)`;
}

/** One problem with an instance, before the stack and fix are added. */
export interface InstanceProblem {
  readonly kind: Extract<DriftKind, "not-onboarded" | "linked-to-other-role" | "kms-key-mismatch" | "retire-pending" | "unmanaged-instance">;
  readonly message: string;
}

/**
 * An instance of the Region the config does not name: a problem when it holds campaigns or is
 * onboarded (a role deletion fails on the first; the account-wide guard refuses on both).
 */
export function checkUnmanaged(instanceId: string, config: OnboardedConfig, counts: CampaignCounts): InstanceProblem[] {
  if (!config.onboarded && counts.v1 + counts.v2 === 0) return [];
  const onboarded = config.onboarded ? `onboarded (role ${config.serviceLinkedRoleArn ?? "unknown"})` : "not onboarded";
  return [{ kind: "unmanaged-instance", message: `instance ${instanceId} is in no target of the config but is ${onboarded} and holds ${describeCounts(counts)}` }];
}

/**
 * The problems of one configured instance (a retired one included), given its config now, its
 * campaigns and the account's campaigns roles (undefined when they could not be listed).
 */
export function checkInstance(
  instance: Pick<InstanceSettings, "id" | "kmsKeyArn" | "retired">,
  retired: boolean,
  config: OnboardedConfig,
  counts: CampaignCounts | undefined,
  roles: readonly CampaignsRole[] | undefined,
): InstanceProblem[] {
  const holds = describeCounts(counts);
  if (retired) {
    return !config.onboarded
      ? []
      : [{ kind: "retire-pending", message: `instance ${instance.id} is retired in the config but still onboarded, holding ${holds}` }];
  }
  if (!config.onboarded) {
    return [{ kind: "not-onboarded", message: `instance ${instance.id} is not onboarded to outbound campaigns (offboarded outside Terraform?); it holds ${holds}` }];
  }
  const problems: InstanceProblem[] = [];
  const linked = config.serviceLinkedRoleArn;
  if (roles !== undefined && (linked === undefined || !roles.some((r) => r.arn === linked))) {
    const known = roles.length === 0 ? "the account has no campaigns role" : `the account's campaigns roles are ${roles.map((r) => r.arn).join(", ")}`;
    problems.push({ kind: "linked-to-other-role", message: `instance ${instance.id} is linked to ${linked ?? "no role"}, which is not a campaigns role of the account (${known})` });
  }
  const actual = config.kmsKeyArn;
  if (actual !== instance.kmsKeyArn) {
    problems.push({
      kind: "kms-key-mismatch",
      message: `instance ${instance.id} is encrypted with ${actual ?? "no KMS key"}; the config says ${instance.kmsKeyArn ?? "none"}`,
    });
  }
  return problems;
}
