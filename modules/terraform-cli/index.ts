export { documentedMirrors, findProviderMirror, mirrorCliConfig, projectCliConfig, PROVIDER_MIRROR_ENV } from "./provider-mirror";
export { PLUGIN_CACHE_DIR, pluginCacheDir, projectDirProblem, terraformAvailability, terraformEnv } from "./terraform-env";
export type { TerraformAvailability } from "./terraform-env";
export { runTerraform, terraformOutput, TerraformFailure } from "./run-terraform";
export type { TerraformResult } from "./run-terraform";
export { terraformErrorSummary } from "./error-summary";
