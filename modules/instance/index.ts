export { CampaignsInstance } from "./campaigns-instance";
export type { CampaignsInstanceProps, CampaignBackupProps } from "./campaigns-instance";
