export { CampaignsHookAsset } from "./campaigns-hook-asset";
export type { CampaignsHookAssetProps } from "./campaigns-hook-asset";
export { buildHookBundle, ensureHookBundle, HOOK_BUNDLE_PATH } from "./bundle";
