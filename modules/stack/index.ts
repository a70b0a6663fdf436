export { CampaignsTargetStack } from "./campaigns-target-stack";
export { buildApp, selectTargets } from "./build-app";
export type { StackSelection } from "./build-app";
