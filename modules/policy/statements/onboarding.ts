/**
 * The create-time hook (modules/hook-runtime/onboarding.ts): onboarding each instance to
 * outbound campaigns, and what AWS checks on the caller's behalf while the job runs.
 */
import { resources, type StatementSpec } from "../document";
import { arn, type PolicyScope } from "../scope";

/**
 * Service Authorization Reference, Amazon Connect Outbound Campaigns: the instance-level v1
 * actions list no resource type, so they take "*" (campaign ARNs apply to campaign actions only).
 */
const CAMPAIGNS_REFERENCE = "Service Authorization Reference, Amazon Connect Outbound Campaigns (connect-campaigns)";

const NOT_EMULATED =
  "moto runs the onboarding job itself and never checks the caller's permissions for the job's side effects";

export function onboardingStatements(scope: PolicyScope): StatementSpec[] {
  const specs: StatementSpec[] = [
    {
      statement: {
        Sid: "OnboardInstances",
        Effect: "Allow",
        Action: [
          "connect-campaigns:GetConnectInstanceConfig",
          "connect-campaigns:GetInstanceOnboardingJobStatus",
          "connect-campaigns:StartInstanceOnboardingJob",
        ],
        Resource: "*",
      },
      step: "apply",
      source: `modules/hook-runtime/onboarding.ts (runOnboarding, onboardOnce, checkedRoleArn); ${CAMPAIGNS_REFERENCE}`,
      proof: "emulator",
    },
    {
      // The onboarding job creates EventBridge managed rules as the caller: failure code
      // EVENT_BRIDGE_ACCESS_DENIED means these were missing.
      statement: {
        Sid: "OnboardingManagedRules",
        Effect: "Allow",
        Action: ["events:DeleteRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets"],
        Resource: resources(scope.targets.map((t) => arn.eventRules(scope.partition, t))),
      },
      step: "apply",
      source: "StartInstanceOnboardingJob failure codes (EVENT_BRIDGE_ACCESS_DENIED) and the hint in modules/hook-runtime/onboarding.ts",
      proof: { notEnforced: NOT_EMULATED },
    },
  ];
  const keys = scope.unscoped ? [arn.anyKmsKey(scope.partition)] : scope.targets.flatMap((t) => t.kmsKeyArns);
  if (keys.length > 0) {
    specs.push({
      // encryptionConfig with a customer managed key: the service describes the key and
      // creates a grant for itself as the caller (failure code KMS_ACCESS_DENIED). The grant
      // condition keeps the caller from granting the key to anything but an AWS service.
      statement: {
        Sid: "OnboardWithKmsKey",
        Effect: "Allow",
        Action: ["kms:CreateGrant", "kms:DescribeKey"],
        Resource: resources(keys),
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
      step: "apply",
      source:
        "StartInstanceOnboardingJob encryptionConfig and failure code KMS_ACCESS_DENIED (hint in modules/hook-runtime/onboarding.ts); " +
        "AWS KMS developer guide, kms:GrantIsForAWSResource",
      proof: { notEnforced: `${NOT_EMULATED} (moto's onboarding only checks that the key exists)` },
    });
  }
  return specs;
}
