/**
 * Facts about the outbound campaigns service-linked role, from the Amazon Connect admin guide
 * ("Use service-linked roles for outbound campaigns"). The single place they are written down.
 */

/** The service principal that the role trusts and that `iam:CreateServiceLinkedRole` names. */
export const CAMPAIGNS_SERVICE_PRINCIPAL = "connect-campaigns.amazonaws.com";

/** IAM path of every outbound campaigns service-linked role. */
export const CAMPAIGNS_ROLE_PATH = `/aws-service-role/${CAMPAIGNS_SERVICE_PRINCIPAL}/`;

/**
 * Role names start with this prefix; real accounts also carry `_<suffix>` roles. Used only to
 * validate lengths and ARNs: the stacks read actual names from resource attributes.
 */
export const CAMPAIGNS_ROLE_NAME_PREFIX = "AWSServiceRoleForConnectCampaigns";

/** IAM's limit on role names. */
export const IAM_ROLE_NAME_MAX_LENGTH = 64;

/** The AWS managed policy attached to the role. */
export const CAMPAIGNS_MANAGED_POLICY_ARN =
  "arn:aws:iam::aws:policy/aws-service-role/AmazonConnectCampaignsServiceLinkedRolePolicy";
