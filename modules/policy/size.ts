/**
 * IAM's size limits (IAM User Guide, IAM and AWS STS quotas): a managed policy holds at most
 * 6,144 characters, an inline role policy 10,240, counted without whitespace. A config with
 * hundreds of instances or keys would pass them, so a policy that is too big is widened, one
 * step at a time, until it fits: KMS key ARNs collapse to every key of their account and
 * Region, then Regional ARNs to every Region of their account. What was widened is reported,
 * so nobody is surprised by a broader grant than they asked for.
 */
import type { PolicyDocument, PolicyStatement } from "./document";

export const MANAGED_POLICY_MAX_CHARS = 6144;

/** The length IAM counts: the JSON without whitespace outside strings. */
export function policySize(document: object): number {
  return JSON.stringify(document).length;
}

export interface FittedPolicy {
  readonly document: PolicyDocument;
  readonly size: number;
  /** What was widened to fit, for stderr; empty when nothing was. */
  readonly widened: readonly string[];
}

type Widening = { readonly what: string; readonly widen: (arn: string) => string };

const WIDENINGS: readonly Widening[] = [
  // arn:aws:kms:us-east-1:123456789012:key/<id> -> key/*
  { what: "KMS keys to every key of their account and Region", widen: (a) => a.replace(/^(arn:[^:]+:kms:[^:]+:\d{12}:key\/).+$/, "$1*") },
  // account-level resources with a Region: one ARN per account for every Region
  { what: "Regions to every Region of each account", widen: (a) => a.replace(/^(arn:[^:]+:(?:kms|events|connect-campaigns)):[a-z0-9-]+:/, "$1:*:") },
];

function widenStatement(statement: PolicyStatement, widen: (arn: string) => string): PolicyStatement {
  if (typeof statement.Resource === "string") return { ...statement, Resource: widen(statement.Resource) };
  const arns = [...new Set(statement.Resource.map(widen))].sort();
  return { ...statement, Resource: arns.length === 1 ? arns[0] : arns };
}

export function fitPolicy(document: PolicyDocument, limit = MANAGED_POLICY_MAX_CHARS): FittedPolicy {
  let fitted = document;
  const widened: string[] = [];
  for (const step of WIDENINGS) {
    if (policySize(fitted) <= limit) break;
    fitted = { ...fitted, Statement: fitted.Statement.map((s) => widenStatement(s, step.widen)) };
    widened.push(step.what);
  }
  const size = policySize(fitted);
  if (size > limit) {
    throw new Error(
      `the policy is ${size} characters even after widening (${widened.join("; ")}), over IAM's ${limit}: ` +
        "print one policy per account with --account",
    );
  }
  return { document: fitted, size, widened };
}
