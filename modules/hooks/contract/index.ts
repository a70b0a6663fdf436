/**
 * The contract between the synthesized stacks (cdktf constructs) and the hook runtime
 * (the bundled AWS SDK program that Terraform runs with `local-exec`).
 *
 * It lives in its own folder with no imports so that both sides of the wall can share it:
 * constructs never import the AWS SDK, and the hook runtime never imports cdktf.
 */

export * from "./inputs";
export * from "./exit-codes";
export * from "./asset-path";
export * from "./sessions";
export * from "./stack-outputs";
