/** The outputs a stack carries for the plan review. Part of the hook contract: no imports (both walls import it). */

/**
 * The stack output that lists the addresses its `removed` blocks destroy with their hooks
 * (retired instances and targets). Terraform's JSON plan shows such a removal exactly like a
 * plain one (`delete_because_no_resource_config`); the plan review tells them apart with this.
 */
export const RETIRED_RESOURCES_OUTPUT = "retired_resources";
