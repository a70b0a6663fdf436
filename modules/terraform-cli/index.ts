export { findProviderMirror, mirrorCliConfig, PROVIDER_MIRROR_ENV } from "./provider-mirror";
export { terraformAvailability, terraformEnv } from "./terraform-env";
export type { TerraformAvailability } from "./terraform-env";
