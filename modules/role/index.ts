export { CampaignsServiceLinkedRole } from "./campaigns-service-linked-role";
export type { CampaignsServiceLinkedRoleProps } from "./campaigns-service-linked-role";
export type { ICampaignsServiceLinkedRole } from "./campaigns-role-base";
export type { AdoptCampaignsRoleProps } from "./adopted-campaigns-role";
export * from "./names";
