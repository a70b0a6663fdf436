/**
 * The one ARN parser of the project (`arn:partition:service:region:account:resource`): the role
 * names, the config rules, the constructs' prop checks and the hook runtime all read ARNs through
 * it, so an ARN means the same thing on both sides of the walls.
 */

/** The partitions the project knows (AWS commercial, GovCloud, China). */
export const PARTITIONS = ["aws", "aws-us-gov", "aws-cn"] as const;

/** The parts of an ARN; the resource may itself contain colons and slashes. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** The parts of `arn`, or undefined when it does not have ARN's six colon-separated fields. */
export function parseArn(arn: string): Arn | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition, service, region, account, ...resource] = parts;
  return { partition, service, region, account, resource: resource.join(":") };
}

/** Whether a parsed ARN is in a known partition. */
export function isKnownPartition(partition: string): boolean {
  return (PARTITIONS as readonly string[]).includes(partition);
}

/** The account of an IAM role ARN (`arn:<partition>:iam::<account>:role/...`), or undefined when `arn` is not one. */
export function roleArnAccount(arn: string): string | undefined {
  const parts = parseArn(arn);
  return parts && parts.service === "iam" && parts.region === "" && parts.resource.startsWith("role/") ? parts.account : undefined;
}
