export { CampaignsServiceLinkedRole } from "./campaigns-service-linked-role";
export type { CampaignsServiceLinkedRoleProps, CampaignsRoleMode } from "./campaigns-service-linked-role";
export { customSuffixProblem, parseCampaignsRoleArn, MAX_CUSTOM_SUFFIX_LENGTH } from "./role-name";
export type { CampaignsRoleArnParts } from "./role-name";
export * from "./service";
