/**
 * The rules of AWS identifiers, each a function that says what is wrong ("expected …") or returns
 * undefined. The config schema and the construct props call the same functions, so a value the
 * config refuses is refused by the constructs with the same words.
 */

export const ACCOUNT_ID = /^\d{12}$/;
export const REGION_CODE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
export const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ACCOUNT_ID_EXPECTED = "expected a 12-digit AWS account id";
export const REGION_EXPECTED = "expected an AWS Region code like us-east-1";
export const INSTANCE_ID_EXPECTED = "expected an Amazon Connect instance id (a lowercase UUID like 12345678-aaaa-bbbb-cccc-1234567890ab)";

/** An AWS account id: 12 digits. */
export function accountIdProblem(value: string): string | undefined {
  return ACCOUNT_ID.test(value) ? undefined : ACCOUNT_ID_EXPECTED;
}

/** The shape of a Region code (whether outbound campaigns serves it is the config's `region-listed` rule). */
export function regionProblem(value: string): string | undefined {
  return REGION_CODE.test(value) ? undefined : REGION_EXPECTED;
}

/** An Amazon Connect instance id: a lowercase UUID. */
export function instanceIdProblem(value: string): string | undefined {
  return INSTANCE_ID.test(value) ? undefined : INSTANCE_ID_EXPECTED;
}
