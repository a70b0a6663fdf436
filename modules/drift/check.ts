/**
 * The live check of every selected target, with each target's deploy role (assumed once per
 * account and deploy role, the account checked with STS first, as the hooks do), paced at AWS's
 * per-account-and-Region quotas and retried by the SDK on throttling: what `drift` prints and
 * `plan-review --all` adds to its review.
 */
import { IAMClient } from "@aws-sdk/client-iam";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import {
  CampaignsApi,
  createClients,
  credentialsFor,
  HookFailure,
  mapPool,
  quotaMultiplier,
  requireAccount,
  retryStrategy,
  type ClientOverrides,
  type HookClients,
  type Scope,
} from "../hooks/runtime";
import { HookExit } from "../hooks/contract";
import type { ResolvedRollout, ResolvedTarget } from "../rollout/resolved";
import type { DriftError, DriftFinding, DriftReport } from "./findings";
import { fixFor } from "./fixes";
import { checkInstance, checkUnmanaged, type OnboardedConfig } from "./instance-check";
import { checkRole, expectedRole, listCampaignsRoles, type CampaignsRole } from "./role-check";
import { targetUsage } from "./usage";

/** Targets checked at once when `--parallelism` is not given: the work waits on AWS, not the CPU. */
export const DEFAULT_DRIFT_PARALLELISM = 16;

export interface DriftOptions {
  /** Targets checked at once. @default {@link DEFAULT_DRIFT_PARALLELISM} */
  readonly parallelism?: number;
  /** Read for the quota multiplier (CAMPAIGNS_HOOK_QUOTA_MULTIPLIER). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Called as each target finishes (progress on stderr). */
  readonly onTarget?: (result: TargetResult, done: number, total: number) => void;
  /** Where the stacks are, for the fix commands. @default "cdktf.out/stacks" */
  readonly stacksDir?: string;
  /** An endpoint and credentials instead of the SDK's own configuration (a caller that holds them). @default none */
  readonly overrides?: ClientOverrides;
}

/** One target's outcome. */
export interface TargetResult {
  readonly target: ResolvedTarget;
  readonly findings: readonly DriftFinding[];
  readonly error?: DriftError;
}

/** What targets of one account share: the assumed deploy role and STS's answer (per role), the roles listing. */
interface AccountShare {
  readonly credentials: Map<string, { provider: AwsCredentialIdentityProvider; identity?: ReturnType<HookClients["callerIdentity"]> }>;
  roles?: Promise<CampaignsRole[]>;
}

export async function checkDrift(rollout: ResolvedRollout, targets: readonly ResolvedTarget[], options: DriftOptions = {}): Promise<{ report: DriftReport; results: TargetResult[] }> {
  const multiplier = quotaMultiplier(options.env ?? process.env);
  const accounts = new Map<string, AccountShare>();
  let done = 0;
  const results = await mapPool(targets, options.parallelism ?? DEFAULT_DRIFT_PARALLELISM, async (target) => {
    let share = accounts.get(target.account);
    if (!share) accounts.set(target.account, (share = { credentials: new Map() }));
    const result = await checkTarget(target, share, { rollout, multiplier, stacksDir: options.stacksDir, overrides: options.overrides ?? {} });
    options.onTarget?.(result, ++done, targets.length);
    return result;
  });
  const findings = results.flatMap((r) => r.findings);
  const errors = results.flatMap((r) => (r.error ? [r.error] : []));
  const inSync = results.filter((r) => r.findings.length === 0 && !r.error).length;
  return { report: { targets: targets.length, inSync, findings, errors }, results };
}

interface CheckContext {
  readonly rollout: ResolvedRollout;
  readonly multiplier: number;
  readonly stacksDir?: string;
  readonly overrides: ClientOverrides;
}

async function checkTarget(target: ResolvedTarget, share: AccountShare, context: CheckContext): Promise<TargetResult> {
  const scope: Scope = { stack: target.stackId };
  const where = { stack: target.stackId, account: target.account, region: target.region };
  try {
    const clients = clientsFor(target, share, context);
    await requireAccount(clients, target.account, scope, "check drift", "the stack");
    // IAM is global: the account's roles are listed once, whichever of its targets asks first.
    const roles = await (share.roles ??= listCampaignsRoles(
      new IAMClient({ region: target.region, credentials: shared(share, target, context.overrides).provider, retryStrategy: retryStrategy(), ...endpointOf(context.overrides) }),
      scope,
    ));
    const findings: DriftFinding[] = [];
    const add = (kind: DriftFinding["kind"], message: string, instance?: string) =>
      findings.push({ ...where, kind, ...(instance ? { instance } : {}), message, fix: fixFor(kind, target, context, instance) });

    // A retired target's apply deletes the role (or leaves it to its owner): no role to expect.
    if (!target.retired) {
      const verdict = checkRole(expectedRole(target), roles, target.account);
      if (!verdict.ok) add(verdict.kind, verdict.message);
    }
    const usage = await targetUsage(clients, target.region, scope);
    const api = new CampaignsApi(clients.campaigns, scope);
    for (const instance of target.instances) {
      // An instance the scan did not find (not in Connect's list, no campaigns): asked by id.
      const config = usage.instances.get(instance.id) ?? (await configOf(api, instance.id));
      const counts = usage.instances.get(instance.id)?.counts ?? { v1: 0, v2: 0, active: 0 };
      const problems = checkInstance(instance, target.retired || instance.retired === true, config, counts, roles);
      for (const p of problems) add(p.kind, p.message, instance.id);
    }
    const named = new Set(target.instances.map((i) => i.id));
    for (const [id, found] of usage.instances) {
      if (named.has(id)) continue;
      for (const p of checkUnmanaged(id, found, found.counts)) add(p.kind, p.message, id);
    }
    return { target, findings };
  } catch (error) {
    // Named per stack; the other targets are still checked. A HookFailure already names the stack and the call.
    const text = error instanceof Error ? error.message : String(error);
    const message = text.startsWith(`stack ${target.stackId}`) ? text : `stack ${target.stackId}: ${text}`;
    const wrongAccount = error instanceof HookFailure && error.exitCode === HookExit.refused;
    return { target, findings: [], error: { ...where, message, wrongAccount } };
  }
}

async function configOf(api: CampaignsApi, instanceId: string): Promise<OnboardedConfig> {
  const config = await api.instanceConfig(instanceId);
  if (config === "gone") return { onboarded: false };
  const key = config.encryptionConfig?.enabled ? config.encryptionConfig.keyArn : undefined;
  return { onboarded: true, serviceLinkedRoleArn: config.serviceLinkedRoleArn, ...(key ? { kmsKeyArn: key } : {}) };
}

/** The credentials of the target's deploy role, one provider per account and role (assumed once, renewed before expiry). */
function shared(share: AccountShare, target: ResolvedTarget, overrides: ClientOverrides): { provider: AwsCredentialIdentityProvider; identity?: ReturnType<HookClients["callerIdentity"]> } {
  const key = target.deployRoleArn ?? "";
  let entry = share.credentials.get(key);
  if (!entry) {
    const source = credentialsFor({ region: target.region, roleArn: target.deployRoleArn ?? null, sessionLabel: `drift-${target.account}` }, overrides);
    entry = { provider: renewing(source) };
    share.credentials.set(key, entry);
  }
  return entry;
}

/** The hooks' clients for the target's Region (its own pacer), with the account's shared credentials and STS answer. */
function clientsFor(target: ResolvedTarget, share: AccountShare, context: CheckContext): HookClients {
  const entry = shared(share, target, context.overrides);
  const clients = createClients(
    { region: target.region, roleArn: target.deployRoleArn ?? null, sessionLabel: target.stackId, quotaMultiplier: context.multiplier, credentials: entry.provider },
    context.overrides,
  );
  return { ...clients, callerIdentity: () => (entry.identity ??= clients.callerIdentity()) };
}

const endpointOf = (overrides: ClientOverrides) => (overrides.endpoint ? { endpoint: overrides.endpoint } : {});

/** Five minutes: credentials closer than this to their expiry are fetched again. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** One fetch shared by every client, again once the credentials near their expiry (a failed fetch is not kept). */
function renewing(given: AwsCredentialIdentityProvider | AwsCredentialIdentity): AwsCredentialIdentityProvider {
  if (typeof given !== "function") return async () => given;
  const source = given;
  let current: ReturnType<AwsCredentialIdentityProvider> | undefined;
  return async (properties) => {
    const pending = (current ??= source(properties));
    try {
      const credentials = await pending;
      if (credentials.expiration && credentials.expiration.getTime() - Date.now() < RENEW_BEFORE_MS && current === pending) current = undefined;
      return credentials;
    } catch (error) {
      if (current === pending) current = undefined;
      throw error;
    }
  };
}
