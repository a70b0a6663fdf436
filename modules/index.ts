/**
 * The package root, `require("connect-campaigns-iac")`: the constructs, for stacks of your own.
 * Loads cdktf, constructs and the provider bindings it needs (by deep path); never the AWS SDK,
 * zod or commander. The pure names, the config, the policy and the review have subpaths of their
 * own (see package.json `exports`), which load no cdktf.
 */
export * from "./role";
export { CampaignsHook } from "./hook-construct";
export type { CampaignsHookBaseProps, CampaignsHookKind, CampaignsHookSpec } from "./hook-construct";
export { InstanceOnboarding } from "./onboarding";
export type { InstanceOnboardingProps } from "./onboarding";
export { CampaignCleanupHook } from "./destroy-hook";
export type { CampaignCleanupHookProps } from "./destroy-hook";
export { CampaignsAccountGuard } from "./account-guard";
export type { CampaignsAccountGuardProps } from "./account-guard";
export { CampaignsHookAsset } from "./hook-asset";
export type { CampaignsHookAssetProps } from "./hook-asset";
export { TerraformData, requireTerraformVersion, MINIMUM_TERRAFORM_VERSION, addRemovedBlock, REMOVED_PROVISIONER_TERRAFORM_VERSION } from "./terraform-builtins";
export type { TerraformDataConfig, RemovedBlock, RemovedLocalExec } from "./terraform-builtins";
export type { HookSettings } from "./hook-contract";
