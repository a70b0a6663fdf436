/**
 * Onboarding an instance to outbound campaigns (create-time hook), and reading back the
 * service-linked role the instance ends up using.
 */
import type { EncryptionConfig, InstanceOnboardingJobFailureCode } from "@aws-sdk/client-connectcampaigns";
import { HookExit, type OnboardingHookInput } from "../contract";
// A pure module (no cdktf): the construct and the hook judge role ARNs the same way.
import { parseCampaignsRoleArn } from "../../role/names";
import { requireAccount } from "./account-guard";
import { describeScope, HookFailure, type HookExitCode } from "./errors";
import { sleep } from "./pool";
import { openRun, type RunContext, type RunOptions } from "./run-context";

const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 10_000;

/** What to do about each failure code: printed with it. */
export const FAILURE_HINTS: Readonly<Record<InstanceOnboardingJobFailureCode, string>> = {
  KMS_ACCESS_DENIED:
    "the KMS key policy must let Amazon Connect outbound campaigns use the key: allow the campaigns service-linked role " +
    "(or the connect-campaigns.amazonaws.com principal) kms:Decrypt, kms:GenerateDataKey* and kms:DescribeKey, and the " +
    "caller kms:CreateGrant",
  KMS_KEY_NOT_FOUND:
    "the KMS key was not found: check kms_key_arn (the key id, the account, and that it is in the instance's region)",
  IAM_ACCESS_DENIED: "the caller needs iam:CreateServiceLinkedRole for the service connect-campaigns.amazonaws.com",
  EVENT_BRIDGE_ACCESS_DENIED:
    "the caller needs EventBridge permissions for the managed rules: events:PutRule, events:PutTargets, events:DeleteRule, events:RemoveTargets",
  EVENT_BRIDGE_MANAGED_RULE_LIMIT_EXCEEDED:
    "the account reached the EventBridge rules quota (managed rules count against it): delete unused rules or request a higher quota",
  INTERNAL_FAILURE: "an AWS internal failure: retry later (re-run the apply)",
};

export interface OnboardingResult {
  readonly exitCode: HookExitCode;
  readonly roleArn: string;
  readonly alreadyOnboarded: boolean;
  /** Onboarding jobs this run started (0 when already onboarded, 2 after a failed first job). */
  readonly jobsStarted: number;
}

export function encryptionConfig(kmsKeyArn: string | null): EncryptionConfig {
  return kmsKeyArn ? { enabled: true, encryptionType: "KMS", keyArn: kmsKeyArn } : { enabled: false };
}

export async function runOnboarding(input: OnboardingHookInput, options: RunOptions = {}): Promise<OnboardingResult> {
  const run = openRun(input, options);
  await requireAccount(run.clients, input.account, run.scope, "onboard the instance");
  const alreadyOnboarded = (await run.api.instanceConfig(input.instance_id)) !== "gone";
  let jobsStarted = 0;
  if (alreadyOnboarded) {
    run.reporter.line("already onboarded to outbound campaigns");
  } else {
    // AWS keeps a FAILED job for 14 days and returns it to every new start: delete it and
    // start once more before giving up.
    for (let attempt = 1; ; attempt++) {
      jobsStarted++;
      const failure = await onboardOnce(run, input);
      if (!failure) break;
      run.reporter.warn(`onboarding job FAILED with ${failure}: ${FAILURE_HINTS[failure]}`);
      if (attempt === 2) {
        throw new HookFailure(`${describeScope(run.scope)}: onboarding failed twice with ${failure}: ${FAILURE_HINTS[failure]}`);
      }
      await run.api.deleteOnboardingJob(input.instance_id);
      run.reporter.line("deleted the failed onboarding job; starting a new one");
    }
  }
  const roleArn = await checkedRoleArn(run, input.instance_id);
  run.reporter.line(`uses service-linked role ${roleArn}`);
  run.reporter.summary({
    event: "onboard-summary",
    stack: input.stack,
    instance: input.instance_id,
    roleArn,
    alreadyOnboarded,
    jobsStarted,
  });
  return { exitCode: HookExit.ok, roleArn, alreadyOnboarded, jobsStarted };
}

/** Starts a job and polls it to the end: undefined on success, else the failure code. */
async function onboardOnce(run: RunContext, input: OnboardingHookInput): Promise<InstanceOnboardingJobFailureCode | undefined> {
  const deadline = Date.now() + input.onboarding_timeout_seconds * 1000;
  let job = await run.api.startOnboarding(input.instance_id, encryptionConfig(input.kms_key_arn));
  run.reporter.line(`onboarding job ${job.status}`);
  for (let wait = FIRST_POLL_MS; job.status === "IN_PROGRESS"; wait = Math.min(wait * 2, MAX_POLL_MS)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new HookFailure(
        `${describeScope(run.scope)}: onboarding job still IN_PROGRESS after ${input.onboarding_timeout_seconds} s ` +
          "(onboarding_timeout_seconds); it may still finish: re-run the apply later",
      );
    }
    await sleep(Math.min(wait, remaining));
    const status = await run.api.onboardingStatus(input.instance_id);
    if (status === "gone")
      throw new HookFailure(`${describeScope(run.scope)}: the onboarding job disappeared while being polled`);
    job = status;
  }
  if (job.status === "SUCCEEDED") return undefined;
  return job.failureCode ?? "INTERNAL_FAILURE";
}

/**
 * The instance's role ARN from GetConnectInstanceConfig (the authoritative link), checked to be
 * the campaigns role: path /aws-service-role/connect-campaigns.amazonaws.com/, name prefix
 * AWSServiceRoleForConnectCampaigns.
 */
async function checkedRoleArn(run: RunContext, instanceId: string): Promise<string> {
  const config = await run.api.instanceConfig(instanceId);
  const roleArn = config === "gone" ? undefined : config.serviceLinkedRoleArn;
  if (!roleArn) {
    throw new HookFailure(
      `${describeScope(run.scope)}: GetConnectInstanceConfig reports no service-linked role after onboarding`,
    );
  }
  const parsed = parseCampaignsRoleArn(roleArn);
  if (typeof parsed === "string") {
    throw new HookFailure(
      `${describeScope(run.scope)}: the instance uses ${roleArn}, not an outbound campaigns service-linked role: ${parsed}`,
    );
  }
  return roleArn;
}
