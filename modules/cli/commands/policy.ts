import { anyTarget, deployRolePolicy, deployRoleTrustPolicy, fitPolicy, scopeOf, statePolicy, TrustPrincipalError } from "../../policy";
import type { PolicyScope } from "../../policy";
import { loadRolloutConfig } from "../../rollout";
import { CliError, ExitCode } from "../exit-codes";
import { printJson } from "../output";

export interface PolicyCommandOptions {
  readonly config?: string;
  readonly account?: string;
  readonly restore?: boolean;
  readonly state?: boolean;
  readonly trust?: string;
}

function scopeFrom(options: PolicyCommandOptions): PolicyScope {
  if (!options.config) {
    // Usage errors: the account's targets and the state buckets come from a config.
    if (options.account) throw new CliError("policy: --account needs --config <file> (the account's targets come from the config)", ExitCode.usage);
    if (options.state) throw new CliError("policy: --state needs --config <file> (the state buckets come from the config's backends)", ExitCode.usage);
    return anyTarget();
  }
  return scopeOf(loadRolloutConfig(options.config), options.account);
}

/**
 * `policy [--config <file>] [--account <id>] [--restore] | --state --config <file> | --trust <principal arn>`:
 * prints one IAM policy document (JSON) on stdout; what was widened to fit IAM's size limit goes to stderr.
 */
export function policyCommand(options: PolicyCommandOptions): void {
  if (options.trust !== undefined) {
    try {
      printJson(deployRoleTrustPolicy(options.trust));
    } catch (error) {
      // A principal that is not an ARN is an option value out of its domain: usage.
      if (error instanceof TrustPrincipalError) throw new CliError(error.message, ExitCode.usage);
      throw error;
    }
    return;
  }
  const scope = scopeFrom(options);
  const document = options.state ? statePolicy(scope) : deployRolePolicy(scope, { restore: options.restore });
  if (document.Statement.length === 0) {
    throw new CliError("policy --state: no target keeps its state in S3 (backend type s3); nothing to grant");
  }
  const fitted = fitPolicy(document);
  for (const what of fitted.widened) process.stderr.write(`policy: widened ${what} to stay within IAM's policy size limit\n`);
  printJson(fitted.document);
}
