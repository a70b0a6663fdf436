import { PARTITIONS } from "./arn";

/** A KMS key ARN (no alias); group 2 is the key's Region. Also the config's JSON Schema pattern. */
export const KMS_KEY_ARN = new RegExp(`^arn:(${PARTITIONS.join("|")}):kms:([a-z0-9-]+):(\\d{12}):key/[\\w-]+$`);

export const KMS_KEY_ARN_EXPECTED = "expected a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/<key id> (aliases are not accepted)";

/** The Region of a KMS key ARN, or undefined when `arn` is not one (aliases are not). */
export function kmsKeyRegion(arn: string): string | undefined {
  return KMS_KEY_ARN.exec(arn)?.[2];
}

/** A KMS key ARN (not an alias): the instance's campaigns data is encrypted with it. */
export function kmsKeyArnProblem(value: string): string | undefined {
  return KMS_KEY_ARN.test(value) ? undefined : KMS_KEY_ARN_EXPECTED;
}

/** KMS keys are regional: onboarding fails with KMS_KEY_NOT_FOUND for a key of another Region. */
export function kmsKeyRegionProblem(arn: string, region: string, where = "the target's Region"): string | undefined {
  const keyRegion = kmsKeyRegion(arn);
  return keyRegion === undefined || keyRegion === region ? undefined : `expected a KMS key in ${where} ${region} (keys are regional), got a key in ${keyRegion}`;
}
