/** What every command of the hook starts from: clients, the API wrapper, the reporter. */
import type { HookInput } from "../hook-contract";
import { CampaignsApi } from "./campaigns-api";
import { createClients, type HookClients } from "./clients";
import { HookFailure, type Scope } from "./errors";
import { type OutputStreams, processStreams, Reporter } from "./report";

/**
 * Operator setting: the account's connect-campaigns rate quotas are this many times AWS's
 * defaults (AWS raised them on request). Also lets an emulator run at a faster clock.
 */
export const QUOTA_MULTIPLIER_ENV = "CAMPAIGNS_HOOK_QUOTA_MULTIPLIER";

export interface RunOptions {
  /** Read for CAMPAIGN_BACKUP_DIR and the quota multiplier; defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where lines go; defaults to the process's stdout and stderr. */
  readonly output?: OutputStreams;
  /** Ready-made clients (a CLI that already has them); built from the input otherwise. */
  readonly clients?: HookClients;
}

export interface RunContext {
  readonly env: NodeJS.ProcessEnv;
  readonly scope: Scope;
  readonly clients: HookClients;
  readonly api: CampaignsApi;
  readonly reporter: Reporter;
}

export function quotaMultiplier(env: NodeJS.ProcessEnv): number {
  const raw = env[QUOTA_MULTIPLIER_ENV];
  if (raw === undefined || raw === "") return 1;
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new HookFailure(`${QUOTA_MULTIPLIER_ENV} must be a positive number, got "${raw}"`);
  }
  return value;
}

export function openRun(input: HookInput, options: RunOptions): RunContext {
  const env = options.env ?? process.env;
  const scope: Scope = { stack: input.stack, instance: input.instance_id };
  const clients =
    options.clients ??
    createClients({
      region: input.region,
      roleArn: input.deploy_role_arn,
      sessionLabel: input.stack,
      quotaMultiplier: quotaMultiplier(env),
    });
  return {
    env,
    scope,
    clients,
    api: new CampaignsApi(clients.campaigns, scope),
    reporter: new Reporter(options.output ?? processStreams(), `${input.stack} ${input.instance_id}`),
  };
}
