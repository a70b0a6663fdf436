export { CampaignsAccountGuard } from "./campaigns-account-guard";
export type { CampaignsAccountGuardProps } from "./campaigns-account-guard";
