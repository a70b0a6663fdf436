/**
 * The hook runtime's public surface, for the CLI. Terraform runs the bundle of `main.ts`; the
 * CLI imports these to run the same code by hand (dry runs, manual cleanups, restores).
 * Nothing here imports cdktf or constructs.
 */
export { runHook } from "./run";
export { parseHookInput } from "./input";
export { runCleanup, planCleanup, isActive, CleanupFailure } from "./cleanup";
export type { CleanupResult, CleanupSummary, CampaignOutcome, CleanupPlan, CleanupPlanSummary, PlannedCampaign } from "./cleanup";
export { runOnboarding, FAILURE_HINTS, encryptionConfig } from "./onboarding";
export type { OnboardingResult } from "./onboarding";
export { runOffboarding } from "./offboarding";
export type { OffboardingResult } from "./offboarding";
export { restoreBackups } from "./restore";
export type { RestoreOptions, RestoreResult, RestoreSummary, RestoredCampaign, RestoreOutcome, SkippedPath } from "./restore";
export { serializeCampaign, serializeCampaignV2, serializeBackup, V2_BACKUP_API, backupPath, backupRoot } from "./backup";
export { parseBackup } from "./backup-file";
export type { Backup } from "./backup-file";
export { listInstanceCampaigns, campaignLabel } from "./campaign-listing";
export type { FoundCampaign } from "./campaign-listing";
export type { CampaignApiVersion } from "./campaign-calls";
export type { BackupLocation } from "./backup";
export { createClients } from "./clients";
export type { ClientOverrides, ClientTarget, HookClients } from "./clients";
export { AccountScanError, scanAccountUsage, scanRegionUsage } from "./account-usage";
export { describeBlocker, refusalHeadline, roleBlockers, runAccountGuard } from "./account-role-guard";
export type { AccountGuardResult, AccountGuardSummary, RoleBlocker, RoleBlockerReason } from "./account-role-guard";
export type { ClientsForRegion, InstanceUsage, RegionFailure, RegionUsage, ScanOptions } from "./account-usage";
export { HookFailure, AwsCallFailure } from "./errors";
export type { HookExitCode } from "./errors";
export { QUOTA_MULTIPLIER_ENV } from "./run-context";
export type { RunOptions } from "./run-context";
export type { OutputStreams, TextSink } from "./report";
// For `drift`, a reader with the hooks' credentials path, pacing and retries.
export { credentialsFor } from "./clients";
export { requireAccount } from "./account-guard";
export { CampaignsApi } from "./campaigns-api";
export { CampaignsV2Api } from "./campaigns-v2-api";
export { campaignStates } from "./campaign-listing";
export { awsCall, describeError, errorCode } from "./errors";
export type { Scope } from "./errors";
export { mapPool } from "./pool";
export { retryStrategy } from "./retry";
export { quotaMultiplier } from "./run-context";
