/**
 * Least privilege for the pipeline: the IAM policies the deploy role (and the state backend's
 * principal) need for plan, apply and destroy of the campaigns stacks, hooks included, and the
 * deploy role's trust policy. Pure: no AWS SDK, no cdktf. See README.md.
 */
export type { PolicyDocument, PolicyStatement, StatementSpec, PipelineStep, Proof } from "./document";
export { ANY, anyTarget, partitionOf, scopeOf } from "./scope";
export type { PolicyScope, PolicyTarget } from "./scope";
export { deployRolePolicy, deployRoleStatements, statePolicy, withoutStatement } from "./generate";
export type { DeployPolicyOptions } from "./generate";
export { stateBackendStatements } from "./statements/state-backend";
export { deployRoleTrustPolicy, HOOK_SESSION_PATTERN, PROVIDER_SESSION_NAME, TrustPrincipalError } from "./trust";
export type { TrustPolicyDocument } from "./trust";
export { fitPolicy, MANAGED_POLICY_MAX_CHARS, policySize } from "./size";
export type { FittedPolicy } from "./size";
