/** What every command of the hook starts from: clients, the API wrapper, the reporter. */
import type { HookInput } from "../contract";
import type { CampaignApis } from "./campaign-listing";
import { CampaignsApi } from "./campaigns-api";
import { CampaignsV2Api } from "./campaigns-v2-api";
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
  /**
   * The directory a relative `backup_dir` is resolved against: the stack directory, where
   * `local-exec` runs the hook (and which a stack's relative `backup_dir` is written against).
   * A caller running elsewhere (the review's `--live`) names the stack directory here.
   * @default process.cwd()
   */
  readonly cwd?: string;
}

export interface RunContext {
  readonly env: NodeJS.ProcessEnv;
  readonly scope: Scope;
  readonly clients: HookClients;
  /** The v1 API: onboarding, and v1 campaigns. */
  readonly api: CampaignsApi;
  /** The v2 API: v2 campaigns, and offboarding with a deletion policy. */
  readonly apiV2: CampaignsV2Api;
  /** Both, by version: campaigns are handled through the API they answer to. */
  readonly apis: CampaignApis;
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

/** What a run starts from: every hook's input; the instance hooks' name their instance. */
type RunInput = Pick<HookInput, "stack" | "region" | "deploy_role_arn"> & { readonly instance_id?: string };

export function openRun(input: RunInput, options: RunOptions): RunContext {
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
  const api = new CampaignsApi(clients.campaigns, scope);
  const apiV2 = new CampaignsV2Api(clients.campaignsV2, scope);
  return {
    env,
    scope,
    clients,
    api,
    apiV2,
    apis: { v1: api, v2: apiV2 },
    reporter: new Reporter(options.output ?? processStreams(), [input.stack, input.instance_id].filter(Boolean).join(" ")),
  };
}
