import { CAMPAIGNS_ROLE_NAME_PREFIX, CAMPAIGNS_ROLE_PATH, IAM_ROLE_NAME_MAX_LENGTH } from "./service";

/** Characters IAM accepts in role names (and so in a custom suffix): `[\w+=,.@-]`. */
const IAM_NAME_CHARS = /^[\w+=,.@-]+$/;

/** Longest suffix that keeps `AWSServiceRoleForConnectCampaigns_<suffix>` within 64 characters. */
export const MAX_CUSTOM_SUFFIX_LENGTH = IAM_ROLE_NAME_MAX_LENGTH - CAMPAIGNS_ROLE_NAME_PREFIX.length - 1;

/**
 * Why a custom suffix is not acceptable, or undefined when it is. Shared by the construct's
 * validation and the rollout config schema so both say the same thing.
 */
export function customSuffixProblem(suffix: string): string | undefined {
  if (suffix.length === 0) return "expected a non-empty suffix (omit the field for no suffix)";
  if (!IAM_NAME_CHARS.test(suffix)) {
    return `expected only IAM name characters (letters, digits and + = , . @ _ -), got "${suffix}"`;
  }
  if (suffix.length > MAX_CUSTOM_SUFFIX_LENGTH) {
    return (
      `expected at most ${MAX_CUSTOM_SUFFIX_LENGTH} characters so that the role name ` +
      `${CAMPAIGNS_ROLE_NAME_PREFIX}_<suffix> stays within ${IAM_ROLE_NAME_MAX_LENGTH}, got ${suffix.length}`
    );
  }
  return undefined;
}

/** The name of the campaigns role IAM gives a `CreateServiceLinkedRole` with this custom suffix (or none). */
export function campaignsRoleName(customSuffix?: string): string {
  return customSuffix ? `${CAMPAIGNS_ROLE_NAME_PREFIX}_${customSuffix}` : CAMPAIGNS_ROLE_NAME_PREFIX;
}

/** The parts of a campaigns service-linked role ARN. */
export interface CampaignsRoleArnParts {
  readonly partition: string;
  readonly account: string;
  readonly name: string;
  /** The part after `AWSServiceRoleForConnectCampaigns_`, when there is one. */
  readonly customSuffix?: string;
}

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role(\/(?:.*\/)?)([\w+=,.@-]+)$/;

/**
 * Parses the ARN of an outbound campaigns service-linked role; returns a reason string when the
 * ARN is not one (wrong shape, path or name prefix).
 */
export function parseCampaignsRoleArn(arn: string): CampaignsRoleArnParts | string {
  const match = ROLE_ARN.exec(arn);
  if (!match) {
    return `expected an IAM role ARN like arn:aws:iam::123456789012:role${CAMPAIGNS_ROLE_PATH}${CAMPAIGNS_ROLE_NAME_PREFIX}, got "${arn}"`;
  }
  const [, partition, account, path, name] = match;
  if (path !== CAMPAIGNS_ROLE_PATH) {
    return `expected the role path ${CAMPAIGNS_ROLE_PATH} of the campaigns service-linked role, got "${path}"`;
  }
  if (name === CAMPAIGNS_ROLE_NAME_PREFIX) return { partition, account, name };
  if (!name.startsWith(`${CAMPAIGNS_ROLE_NAME_PREFIX}_`)) {
    return `expected a role name starting with ${CAMPAIGNS_ROLE_NAME_PREFIX}, got "${name}"`;
  }
  return { partition, account, name, customSuffix: name.slice(CAMPAIGNS_ROLE_NAME_PREFIX.length + 1) };
}
