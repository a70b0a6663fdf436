/**
 * The trust policy of the cross-account deploy role: the pipeline principal may assume it, with
 * the session names this project uses (the provider's `connect-campaigns-iac`, the hooks'
 * `campaigns-hook-<stack>`), so a stray script holding the same principal shows up as denied
 * rather than as the pipeline in CloudTrail. No sts:TagSession: neither sets session tags.
 */
import { HOOK_SESSION_PREFIX, PROVIDER_SESSION_NAME } from "../hooks/contract";
import { accountIdProblem, isKnownPartition, parseArn } from "../aws-values";
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

/** The hooks' session names (modules/hooks/runtime/clients.ts sessionName()), as an StringLike pattern. */
export const HOOK_SESSION_PATTERN = `${HOOK_SESSION_PREFIX}*`;

/** An IAM principal a trust policy can name: a role, a user or an account root, or an STS assumed-role session. */
function isPrincipalArn(arn: string): boolean {
  const parts = parseArn(arn);
  if (!parts || !isKnownPartition(parts.partition) || parts.region !== "" || accountIdProblem(parts.account) !== undefined) return false;
  if (parts.service === "sts") return /^assumed-role\/.+/.test(parts.resource);
  return parts.service === "iam" && /^(root|user\/.+|role\/.+)$/.test(parts.resource);
}

export class TrustPrincipalError extends Error {}

export function deployRoleTrustPolicy(principalArn: string): TrustPolicyDocument {
  if (!isPrincipalArn(principalArn)) {
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
