/**
 * The create-time hook (modules/hooks/runtime/onboarding.ts): onboarding each instance to
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
      source: `modules/hooks/runtime/onboarding.ts (runOnboarding, onboardOnce, checkedRoleArn); ${CAMPAIGNS_REFERENCE}`,
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
      source: "StartInstanceOnboardingJob failure codes (EVENT_BRIDGE_ACCESS_DENIED) and the hint in modules/hooks/runtime/onboarding.ts",
      proof: { notEnforced: NOT_EMULATED },
    },
  ];
  const keys = scope.unscoped ? [arn.anyKmsKey(scope.partition)] : scope.targets.flatMap((t) => t.kmsKeyArns);
  if (keys.length > 0) {
    const kmsSource =
      "StartInstanceOnboardingJob encryptionConfig and failure code KMS_ACCESS_DENIED (hint in modules/hooks/runtime/onboarding.ts)";
    const kmsProof = { notEnforced: `${NOT_EMULATED} (moto's onboarding only checks that the key exists)` };
    specs.push(
      {
        // encryptionConfig with a customer managed key: the service creates a grant for itself
        // as the caller. The condition keeps the caller from granting the key to anything but
        // an AWS service.
        statement: {
          Sid: "OnboardWithKmsKey",
          Effect: "Allow",
          Action: ["kms:CreateGrant"],
          Resource: resources(keys),
          Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
        step: "apply",
        source: `${kmsSource}; AWS KMS developer guide, kms:GrantIsForAWSResource`,
        proof: kmsProof,
      },
      {
        // The service also describes the key as the caller. Not under kms:GrantIsForAWSResource:
        // that key is set on grant operations only (CreateGrant, ListGrants, RevokeGrant), so a
        // DescribeKey never matches it and such a statement would never allow it.
        statement: { Sid: "DescribeOnboardingKmsKey", Effect: "Allow", Action: ["kms:DescribeKey"], Resource: resources(keys) },
        step: "apply",
        source: `${kmsSource}; AWS KMS developer guide, kms:GrantIsForAWSResource (grant operations only)`,
        proof: kmsProof,
      },
    );
  }
  return specs;
}
