/**
 * The package root, `require("connect-campaigns-iac")`: the constructs, for stacks of your own.
 * Loads cdktf, constructs and the provider bindings it needs (by deep path); never the AWS SDK,
 * zod or commander. The pure names, the config, the policy and the review have subpaths of their
 * own (see package.json `exports`), which load no cdktf.
 */
export * from "./role";
export { ValidationError } from "./validation";
export { CampaignsHook } from "./hooks/construct";
export type { CampaignsHookBaseProps, CampaignsHookKind, CampaignsHookSpec } from "./hooks/construct";
export { CampaignsInstance } from "./instance";
export type { CampaignsInstanceProps, CampaignBackupProps } from "./instance";
export { InstanceOnboarding } from "./hooks/onboarding";
export type { InstanceOnboardingProps } from "./hooks/onboarding";
export { CampaignCleanupHook } from "./hooks/cleanup";
export type { CampaignCleanupHookProps } from "./hooks/cleanup";
export { CampaignsAccountGuard } from "./hooks/account-guard";
export type { CampaignsAccountGuardProps } from "./hooks/account-guard";
export { CampaignsHookAsset } from "./hooks/asset";
export type { CampaignsHookAssetProps } from "./hooks/asset";
export { TerraformData, requireTerraformVersion, MINIMUM_TERRAFORM_VERSION, addRemovedBlock, REMOVED_PROVISIONER_TERRAFORM_VERSION } from "./terraform-builtins";
export type { TerraformDataConfig, RemovedBlock, RemovedLocalExec } from "./terraform-builtins";
export type { HookSettings, HookTarget, OnboardingSettings, CleanupSettings } from "./hooks/contract";
