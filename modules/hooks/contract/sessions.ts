/** The STS session names of this project's identities. Part of the hook contract: no imports (both walls import it). */

/**
 * STS session names this project's identities use when they assume the deploy role, so that
 * CloudTrail shows who acted and the deploy role's trust policy can admit exactly these.
 */
/** The Terraform AWS provider's (and the S3 backend's) session. */
export const PROVIDER_SESSION_NAME = "connect-campaigns-iac";
/** The hooks' sessions: `campaigns-hook-<stack or task>`. */
export const HOOK_SESSION_PREFIX = "campaigns-hook-";
