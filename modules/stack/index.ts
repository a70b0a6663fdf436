export { CampaignsTargetStack, onboardingAddress } from "./campaigns-target-stack";
export { buildApp } from "./build-app";
export { SYNTH_USAGE, SynthUsageError, synthOptionsFrom } from "./synth-options";
export type { SynthOptions } from "./synth-options";
export { cleanOutdir, PLAN_OUTPUTS } from "./clean-outdir";
export type { CleanedOutdir } from "./clean-outdir";
