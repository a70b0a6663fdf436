import { TerraformStack } from "cdktf";

/**
 * The oldest Terraform these stacks run on: import blocks (adopt mode) need 1.5,
 * `terraform_data` needs 1.4.
 */
export const MINIMUM_TERRAFORM_VERSION = "1.5.0";

/**
 * Declares `terraform { required_version }` on the stack, so that Terraform itself refuses an
 * older binary at `init` with its own clear message — instead of synth running
 * `terraform version` once per resource.
 */
export function requireTerraformVersion(stack: TerraformStack, minimum = MINIMUM_TERRAFORM_VERSION): void {
  stack.addOverride("terraform.required_version", `>= ${minimum}`);
}
