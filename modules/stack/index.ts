export { CampaignsTargetStack, onboardingAddress } from "./campaigns-target-stack";
export { buildApp } from "./build-app";
export { synthesize } from "./synth";
export type { SynthRequest, SynthResult } from "./synth";
export { cleanOutdir, PLAN_OUTPUTS } from "./clean-outdir";
export type { CleanedOutdir } from "./clean-outdir";
