/**
 * SDK clients for one account and region.
 *
 * Credentials: the default Node chain (env, SSO, profiles, container/instance roles), then, if
 * the stack names a deploy role, that role assumed through STS with a session name that says
 * who is calling. Endpoints come only from the SDK's own configuration (AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_<SERVICE>, profiles): nothing here knows about emulators.
 */
import { ConnectClient } from "@aws-sdk/client-connect";
import { ConnectCampaignsClient } from "@aws-sdk/client-connectcampaigns";
import { ConnectCampaignsV2Client } from "@aws-sdk/client-connectcampaignsv2";
import type { S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { HOOK_SESSION_PREFIX } from "../contract";
import { CONNECT_QUOTAS, Pacer, pacingPlugin } from "./pacing";
import { retryStrategy } from "./retry";

export interface ClientTarget {
  readonly region: string;
  /** Role to assume, or null to act as the caller. */
  readonly roleArn: string | null;
  /** Names the STS session (CloudTrail shows it): the stack, or what the CLI is doing. */
  readonly sessionLabel: string;
  /** Multiplies AWS's default request quotas; > 1 only for accounts whose quotas were raised. */
  readonly quotaMultiplier?: number;
  /**
   * Credentials to use instead of `roleArn`'s (see {@link credentialsFor}): several client sets of
   * one account share them, so the deploy role is assumed once, not once per client.
   * @default - the default chain, then `roleArn` assumed
   */
  readonly credentials?: AwsCredentialIdentityProvider;
}

/** Who the clients act as: STS GetCallerIdentity with the clients' own credentials. */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
}

export interface HookClients {
  readonly campaigns: ConnectCampaignsClient;
  /** The v2 API; paced by the same buckets as v1 (see pacing.ts). */
  readonly campaignsV2: ConnectCampaignsV2Client;
  /**
   * The account and principal these clients' credentials act as (the deploy role once assumed),
   * asked once per set of clients: destructive commands compare it with their target's account.
   */
  callerIdentity(): Promise<CallerIdentity>;
  /**
   * Amazon Connect itself (ListInstances, for the account scan), created on first use and paced
   * apart from connect-campaigns: another service, with quotas of its own (see pacing.ts).
   */
  connect(): ConnectClient;
  /** Created on first use: most hooks never write to S3. */
  s3(): Promise<S3Client>;
}

/** STS allows [\w+=,.@-], 2 to 64 characters. */
export function sessionName(label: string): string {
  return `${HOOK_SESSION_PREFIX}${label}`.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
}

/** The default chain (or the overrides' credentials), then the target's role assumed with a session named by its label. */
export function credentialsFor(target: Pick<ClientTarget, "region" | "roleArn" | "sessionLabel">, overrides: ClientOverrides = {}): AwsCredentialIdentityProvider | AwsCredentialIdentity {
  const master = overrides.credentials ?? fromNodeProviderChain();
  if (!target.roleArn) return master;
  return fromTemporaryCredentials({
    masterCredentials: master,
    params: { RoleArn: target.roleArn, RoleSessionName: sessionName(target.sessionLabel) },
    clientConfig: { region: target.region, ...(overrides.endpoint ? { endpoint: overrides.endpoint } : {}) },
  });
}

/**
 * What a caller that already holds them passes instead of the SDK's own configuration: an
 * endpoint and static credentials (a test against an emulator, without touching process.env).
 * The credentials replace the default chain; a deploy role is still assumed with them.
 */
export interface ClientOverrides {
  readonly endpoint?: string;
  readonly credentials?: AwsCredentialIdentity;
}

export function createClients(target: ClientTarget, overrides: ClientOverrides = {}): HookClients {
  const common = {
    region: target.region,
    credentials: target.credentials ?? credentialsFor(target, overrides),
    retryStrategy: retryStrategy(),
    ...(overrides.endpoint ? { endpoint: overrides.endpoint } : {}),
  };
  // One pacer for both API versions: they are one service to AWS (the same SigV4 name and
  // endpoint), and the quotas name operations, not versions.
  const pacer = new Pacer(target.quotaMultiplier);
  const campaigns = new ConnectCampaignsClient(common);
  campaigns.middlewareStack.use(pacingPlugin(pacer));
  const campaignsV2 = new ConnectCampaignsV2Client(common);
  campaignsV2.middlewareStack.use(pacingPlugin(pacer));
  let s3: Promise<S3Client> | undefined;
  let connect: ConnectClient | undefined;
  let identity: Promise<CallerIdentity> | undefined;
  return {
    campaigns,
    campaignsV2,
    connect: () => (connect ??= connectClient(common, target.quotaMultiplier)),
    callerIdentity: () => (identity ??= callerIdentity(new STSClient(common))),
    s3: () =>
      (s3 ??= import("@aws-sdk/client-s3").then(({ S3Client }) => new S3Client({ ...common, retryStrategy: retryStrategy() }))),
  };
}

function connectClient(common: ConstructorParameters<typeof ConnectClient>[0], multiplier: number | undefined): ConnectClient {
  const client = new ConnectClient({ ...common, retryStrategy: retryStrategy() });
  client.middlewareStack.use(pacingPlugin(new Pacer(multiplier, CONNECT_QUOTAS)));
  return client;
}

async function callerIdentity(sts: STSClient): Promise<CallerIdentity> {
  const { Account, Arn } = await sts.send(new GetCallerIdentityCommand({}));
  if (!Account) throw new Error("STS GetCallerIdentity answered without an account");
  return { account: Account, arn: Arn ?? "unknown" };
}
