export { TerraformData } from "./terraform-data";
export type { TerraformDataConfig } from "./terraform-data";
export { addImportBlock } from "./import-block";
export { requireTerraformVersion, MINIMUM_TERRAFORM_VERSION } from "./required-version";
export { addRemovedBlock, addressAt, removedAddresses, REMOVED_PROVISIONER_TERRAFORM_VERSION } from "./removed-block";
export type { RemovedBlock, RemovedLocalExec } from "./removed-block";
export { literal, literalValues } from "./literal";
