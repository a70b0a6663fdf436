export { findProviderMirror, mirrorCliConfig, PROVIDER_MIRROR_ENV } from "./provider-mirror";
export { terraformAvailability, terraformEnv } from "./terraform-env";
export type { TerraformAvailability } from "./terraform-env";
export { runTerraform, terraformOutput, TerraformFailure } from "./run-terraform";
export type { TerraformResult } from "./run-terraform";
