/**
 * The trust policy of the cross-account deploy role: the pipeline principal may assume it, with
 * the session names this project uses (the provider's `connect-campaigns-iac`, the hooks'
 * `campaigns-hook-<stack>`), so a stray script holding the same principal shows up as denied
 * rather than as the pipeline in CloudTrail. No sts:TagSession: neither sets session tags.
 */
import { HOOK_SESSION_PREFIX, PROVIDER_SESSION_NAME } from "../hook-contract";
import type { ConditionBlock } from "./document";

export { PROVIDER_SESSION_NAME };

export interface TrustPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Principal: { readonly AWS: string };
    readonly Action: readonly string[];
    readonly Condition: ConditionBlock;
  }[];
}

/** The hooks' session names (modules/hook-runtime/clients.ts sessionName()), as an StringLike pattern. */
export const HOOK_SESSION_PATTERN = `${HOOK_SESSION_PREFIX}*`;

const PRINCIPAL_ARN = /^arn:aws(-us-gov|-cn)?:(iam::\d{12}:(root|user\/.+|role\/.+)|sts::\d{12}:assumed-role\/.+)$/;

export class TrustPrincipalError extends Error {}

export function deployRoleTrustPolicy(principalArn: string): TrustPolicyDocument {
  if (!PRINCIPAL_ARN.test(principalArn)) {
    throw new TrustPrincipalError(
      `--trust: expected an IAM principal ARN (arn:aws:iam::<account>:role/<name>, :user/<name> or :root), got "${principalArn}"`,
    );
  }
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "PipelineAssumesDeployRole",
        Effect: "Allow",
        Principal: { AWS: principalArn },
        Action: ["sts:AssumeRole"],
        Condition: { StringLike: { "sts:RoleSessionName": [PROVIDER_SESSION_NAME, HOOK_SESSION_PATTERN] } },
      },
    ],
  };
}
