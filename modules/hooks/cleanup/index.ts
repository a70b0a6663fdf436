export { CampaignCleanupHook, checkBackupPlaces } from "./campaign-cleanup-hook";
export type { CampaignCleanupHookProps } from "./campaign-cleanup-hook";
