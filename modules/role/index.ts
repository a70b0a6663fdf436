export { CampaignsServiceLinkedRole } from "./campaigns-service-linked-role";
export type { CampaignsServiceLinkedRoleProps, CampaignsRoleMode } from "./campaigns-service-linked-role";
export * from "./names";
