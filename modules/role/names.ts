/**
 * The light face of the role module: the service's names, the role's path and the rules for its
 * name and ARN. Pure (no cdktf), for the config schema, the hook runtime and the package's
 * `connect-campaigns-iac/role-names` entry.
 */
export * from "./service";
export { campaignsRoleName, customSuffixProblem, parseCampaignsRoleArn, MAX_CUSTOM_SUFFIX_LENGTH } from "./role-name";
export type { CampaignsRoleArnParts } from "./role-name";
