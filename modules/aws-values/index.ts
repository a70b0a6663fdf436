/**
 * The rules of AWS values (account ids, Regions, instance ids, ARNs, tags), as plain functions
 * with no imports: the config schema (zod), the construct props (`ValidationError`) and the hook
 * runtime share them across the walls. Each `…Problem` function says what was expected, or
 * returns undefined when the value is fine.
 */
export { parseArn, roleArnAccount, isKnownPartition, PARTITIONS } from "./arn";
export type { Arn } from "./arn";
export * from "./ids";
export { KMS_KEY_ARN, KMS_KEY_ARN_EXPECTED, kmsKeyArnProblem, kmsKeyRegion, kmsKeyRegionProblem } from "./kms-key";
export { TAG_CHARACTERS, TAG_KEY_MAX, TAG_VALUE_MAX, TAG_KEY_PATTERN, TAG_VALUE_PATTERN, tagKeyProblem, tagValueProblem, tagsProblem } from "./tags";
export { quote } from "./quote";
