/**
 * The account guard (destroy-time hook of a stack that deletes the campaigns role): before any
 * campaign is deleted or instance offboarded, it scans every Region of the account
 * (account-usage.ts) and refuses when anything this destroy does not clean up itself still uses
 * the role. Without it, a destroy backed up and deleted its own campaigns, offboarded its
 * instances, and only then failed at the role ("in use … eu-west-2: …"): irreversible work for a
 * destroy that could never complete.
 *
 * What blocks (each named with its Region, instance, campaign count, and the stack of the config
 * that holds it):
 * - an instance of another Region linked to the role (onboarded) or holding campaigns;
 * - an instance of the stack's own Region the stack does not manage, likewise;
 * - the stack's own instances holding campaigns while campaign deletion is not allowed (their
 *   cleanup would refuse half-way, after other instances were offboarded).
 * Campaigns on an instance linked to no role count as using it: AWS's guide asks to "delete all
 * campaigns setup for the AWS account" before the role; an instance linked to another campaigns
 * role (a suffixed one) does not.
 */
import type { AccountGuardHookInput, AccountGuardTarget } from "../contract";
import { HookExit } from "../contract";
import { requireAccount } from "./account-guard";
import { campaignLabel } from "./campaign-listing";
import { type InstanceUsage, type RegionUsage, scanAccountUsage } from "./account-usage";
import { createClients } from "./clients";
import { HookFailure, type HookExitCode } from "./errors";
import { openRun, quotaMultiplier, type RunOptions } from "./run-context";

export type RoleBlockerReason = "other-region" | "unmanaged-instance" | "deletion-not-allowed";

/** Something that keeps the role in use after this destroy: it would fail at the role. */
export interface RoleBlocker {
  readonly region: string;
  readonly instanceId: string;
  readonly campaigns: number;
  readonly onboarded: boolean;
  readonly reason: RoleBlockerReason;
  /** Labels of its campaigns (`"name" (id)`), for the instances of this stack only. */
  readonly campaignLabels?: readonly string[];
  /** The target of the config that holds the instance's Region, when one does. */
  readonly heldBy?: AccountGuardTarget;
}

export interface AccountGuardSummary {
  readonly event: "account-guard-summary";
  readonly stack: string;
  readonly regionsScanned: number;
  readonly refused: boolean;
  readonly blockers: readonly RoleBlocker[];
}

export interface AccountGuardResult {
  readonly exitCode: HookExitCode;
  readonly summary: AccountGuardSummary;
  /** The refusal, line by line (empty when the destroy may go on). */
  readonly lines: readonly string[];
}

const roleName = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);

/** `roleArn` "" (unknown, a dry run by hand): any campaigns role the instance links counts. */
function usesRole(instance: InstanceUsage, roleArn: string): boolean {
  const campaigns = instance.v1Campaigns + instance.v2Campaigns;
  if (instance.serviceLinkedRoleArn) return roleArn === "" || roleName(instance.serviceLinkedRoleArn) === roleName(roleArn);
  return campaigns > 0;
}

/** What keeps the role in use once this destroy has done its part; pure, for the hook, the CLI and the review. */
export function roleBlockers(usage: readonly RegionUsage[], input: AccountGuardHookInput): RoleBlocker[] {
  const managed = new Set(input.instance_ids);
  const blockers: RoleBlocker[] = [];
  for (const { region, instances } of usage) {
    const heldBy = input.account_targets.find((t) => t.region === region);
    for (const i of instances) {
      const campaigns = i.v1Campaigns + i.v2Campaigns;
      const base = { region, instanceId: i.instanceId, campaigns, onboarded: i.onboarded };
      if (region === input.region && managed.has(i.instanceId)) {
        if (campaigns > 0 && !input.allow_campaign_deletion) {
          blockers.push({ ...base, reason: "deletion-not-allowed", campaignLabels: i.campaigns.map((c) => campaignLabel(c)) });
        }
        continue;
      }
      if (!usesRole(i, input.role_arn) || (campaigns === 0 && !i.onboarded)) continue;
      const reason = region === input.region ? "unmanaged-instance" : "other-region";
      blockers.push({ ...base, reason, ...(heldBy && reason === "other-region" ? { heldBy } : {}) });
    }
  }
  return blockers;
}

/** One line per blocker: where, what, and what to do. */
export function describeBlocker(b: RoleBlocker, stack: string): string {
  const what = `${b.region}, instance ${b.instanceId}: ${b.campaigns} campaign(s)${b.onboarded ? ", onboarded" : ""}`;
  switch (b.reason) {
    case "deletion-not-allowed":
      return (
        `${what} — this stack's own, but allowCampaignDeletion is false: set it to true and apply, or back up and delete them first` +
        (b.campaignLabels?.length ? `: ${b.campaignLabels.join(", ")}` : "")
      );
    case "unmanaged-instance":
      return `${what} — not in ${stack}'s config: retire or clean up that instance first (back up and delete its campaigns, offboard it), or add it to the target`;
    case "other-region":
      if (b.heldBy) {
        return `${what} — held by stack ${b.heldBy.stack}: ${b.heldBy.retired ? "apply it (it is retired)" : "destroy it"} first`;
      }
      return `${what} — no target of the config holds ${b.region}: clean up that instance first (back up and delete its campaigns, offboard it)`;
  }
}

/** The refusal message's first line. */
export function refusalHeadline(input: Pick<AccountGuardHookInput, "role_arn">, blockers: readonly RoleBlocker[]): string {
  const regions = [...new Set(blockers.map((b) => b.region))];
  return (
    `refusing to delete the campaigns role${input.role_arn ? ` ${input.role_arn}` : ""}: ${blockers.length} instance(s) in ${regions.join(", ")} would still use it after this destroy, ` +
    `and IAM would refuse the deletion only after this stack's campaigns were deleted and its instances offboarded. Nothing was touched.`
  );
}

/**
 * The hook: account check, scan of every Region, refusal (exit 3) or go-ahead (exit 0). A Region
 * that cannot be read fails the hook (exit 1): unknown is not empty.
 */
export async function runAccountGuard(input: AccountGuardHookInput, options: RunOptions = {}): Promise<AccountGuardResult> {
  const run = openRun(input, options);
  await requireAccount(run.clients, input.account, run.scope, "delete the campaigns role");
  const multiplier = quotaMultiplier(run.env);
  const clientsFor = (region: string) =>
    region === input.region
      ? run.clients
      : createClients({ region, roleArn: input.deploy_role_arn, sessionLabel: input.stack, quotaMultiplier: multiplier });
  let usage: RegionUsage[];
  try {
    usage = await scanAccountUsage(clientsFor, input.regions, { scope: run.scope });
  } catch (error) {
    if (!(error instanceof HookFailure)) throw error;
    throw new HookFailure(`${input.stack}: refusing to delete the campaigns role: ${error.message}. Nothing was touched; fix access to those Regions (or the Region list) and run the destroy again.`);
  }
  const blockers = roleBlockers(usage, input);
  const summary: AccountGuardSummary = {
    event: "account-guard-summary",
    stack: input.stack,
    regionsScanned: usage.length,
    refused: blockers.length > 0,
    blockers,
  };
  const lines = blockers.length ? [refusalHeadline(input, blockers), ...blockers.map((b) => `  - ${describeBlocker(b, input.stack)}`)] : [];
  if (blockers.length) for (const line of lines) run.reporter.warn(line);
  else run.reporter.line(`account guard: ${usage.length} Region(s) scanned, nothing outside this destroy uses the campaigns role`);
  run.reporter.summary(summary);
  return { exitCode: blockers.length ? HookExit.refused : HookExit.ok, summary, lines };
}
