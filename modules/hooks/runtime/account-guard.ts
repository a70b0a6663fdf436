/**
 * The guard in front of everything that deletes or creates campaigns: the credentials (after
 * assuming the deploy role) must act in the account the stack or backup names.
 *
 * Without it, credentials of another account (a stale AWS_PROFILE, a pipeline variable pointing
 * at the wrong account, no deploy role) make the hook act there: a cleanup deleted the campaigns
 * of an instance with the same id in the other account and reported success.
 */
import { HookExit } from "../contract";
import type { HookClients } from "./clients";
import { awsCall, describeScope, HookFailure, type Scope } from "./errors";

export async function requireAccount(
  clients: HookClients,
  expected: string,
  scope: Scope,
  /** What would have been done, for the message: "clean up", "offboard", "restore 3 campaign(s)". */
  action: string,
  /** Where the expected account comes from, for the message: "the stack", "the backup". */
  source = "the stack",
): Promise<void> {
  const identity = await awsCall(scope, "STS GetCallerIdentity", () => clients.callerIdentity());
  if (identity.account === expected) return;
  throw new HookFailure(
    `${describeScope(scope)}: refusing to ${action}: the credentials act in account ${identity.account} ` +
      `(${identity.arn}), but ${source} targets account ${expected}. Nothing was touched. ` +
      `Use credentials (or a deploy role) of account ${expected}.`,
    HookExit.refused,
  );
}
