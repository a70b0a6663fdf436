/**
 * The policies the pipeline needs, assembled from the statement groups under statements/.
 *
 * - The deploy role's policy: everything `terraform plan/apply/destroy` and the hooks do in a
 *   target account (the provider and the hooks both act as the deploy role).
 * - The state policy: the S3 backend, for whoever reads the state (the backend's own role, or
 *   the pipeline principal).
 */
import { policyDocument, type PolicyDocument, type StatementSpec } from "./document";
import type { PolicyScope } from "./scope";
import { accountGuardStatements } from "./statements/account-guard";
import { campaignsRoleStatements } from "./statements/campaigns-role";
import { cleanupStatements } from "./statements/cleanup";
import { onboardingStatements } from "./statements/onboarding";
import { restoreStatements } from "./statements/restore";
import { stateBackendStatements } from "./statements/state-backend";

export interface DeployPolicyOptions {
  /** Also allow `restore` (CreateCampaign, TagResource): a recovery tool, not part of a deploy. */
  readonly restore?: boolean;
}

/** The deploy role's statements, in the order the pipeline needs them. */
export function deployRoleStatements(scope: PolicyScope, options: DeployPolicyOptions = {}): StatementSpec[] {
  return [
    ...campaignsRoleStatements(scope),
    ...onboardingStatements(scope),
    ...cleanupStatements(scope),
    ...accountGuardStatements(scope),
    ...(options.restore ? restoreStatements(scope) : []),
  ];
}

export function deployRolePolicy(scope: PolicyScope, options: DeployPolicyOptions = {}): PolicyDocument {
  return policyDocument(deployRoleStatements(scope, options));
}

/** The S3 backend's statements; none when no target keeps its state in S3. */
export function statePolicy(scope: PolicyScope): PolicyDocument {
  return policyDocument(stateBackendStatements(scope));
}

/** The same document without the statement `sid`: what the tests deny one step at a time. */
export function withoutStatement(document: PolicyDocument, sid: string): PolicyDocument {
  if (!document.Statement.some((s) => s.Sid === sid)) throw new Error(`no statement ${sid} in the policy`);
  return { ...document, Statement: document.Statement.filter((s) => s.Sid !== sid) };
}
