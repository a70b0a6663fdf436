export { CampaignsTargetStack } from "./campaigns-target-stack";
export { buildApp } from "./build-app";
export { SYNTH_USAGE, SynthUsageError, synthOptionsFrom } from "./synth-options";
export type { SynthOptions } from "./synth-options";
