export { CampaignsHook, checkHookTarget } from "./campaigns-hook";
export type { CampaignsHookBaseProps, CampaignsHookKind, CampaignsHookSpec } from "./campaigns-hook";
