/**
 * Client-side pacing at AWS's connect-campaigns request quotas, so that a cleanup of hundreds of
 * campaigns spends its time waiting here instead of in throttling errors and retry backoff.
 *
 * Installed as SDK middleware right after the retry middleware and before signing: every
 * attempt, retries included, takes a token, and a request is signed only once it may leave
 * (a long wait never produces a stale signature).
 */
import type { FinalizeRequestMiddleware, Pluggable } from "@smithy/types";

/**
 * Requests per second and burst, per account and region, as AWS documents them: Amazon Connect
 * Administrator Guide, "Amazon Connect service quotas", outbound campaigns API throttling
 * (https://docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html).
 *
 * API v2 (`connectcampaignsv2`): that table names operations, not API versions, and both versions
 * are one service to AWS (one SigV4 signing name, `connect-campaigns`, one endpoint); no v2-only
 * figures were found. So a v2 operation is paced by its v1 namesake's quota, and one Pacer serves
 * both clients (clients.ts): a v1 and a v2 DeleteCampaign draw from one bucket. Were AWS to count
 * the versions apart, this is merely conservative.
 */
export interface Quota {
  readonly rate: number;
  readonly burst: number;
}

const CAMPAIGN_CHANGE: Quota = { rate: 1, burst: 2 };
const CAMPAIGN_READ: Quota = { rate: 5, burst: 10 };

/** AWS's connect-campaigns quotas by operation; every other operation gets {@link OTHER_QUOTA}. */
export const CAMPAIGN_QUOTAS: Readonly<Record<string, Quota>> = {
  CreateCampaign: CAMPAIGN_CHANGE,
  DeleteCampaign: CAMPAIGN_CHANGE,
  StartCampaign: CAMPAIGN_CHANGE,
  StopCampaign: CAMPAIGN_CHANGE,
  PauseCampaign: CAMPAIGN_CHANGE,
  ResumeCampaign: CAMPAIGN_CHANGE,
  ListCampaigns: CAMPAIGN_READ,
  GetCampaignState: CAMPAIGN_READ,
  DescribeCampaign: { rate: 25, burst: 35 },
};

/** Onboarding and everything else AWS lists without a quota of its own. */
export const OTHER_QUOTA: Quota = { rate: 2, burst: 5 };

/**
 * Amazon Connect (not campaigns): the account scan's ListInstances only. Connect's own API
 * quotas are per account and Region too; no figure for ListInstances was confirmed, so it is
 * paced at the campaigns API's lowest read rate, {@link OTHER_QUOTA} (a scan makes one call per
 * 10 instances: the pace never binds in practice).
 */
export const CONNECT_QUOTAS: Readonly<Record<string, Quota>> = { ListInstances: OTHER_QUOTA };

/**
 * A token bucket that hands out tokens in request order. A caller that finds the bucket empty
 * reserves the next token (the count goes negative) and sleeps until it is due, so waiting
 * callers never race each other for the same token.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private readonly quota: Quota, private readonly now: () => number = () => performance.now()) {
    this.tokens = quota.burst;
    this.updatedAt = now();
  }

  /** Milliseconds the caller must wait before sending; the token is taken either way. */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(this.quota.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.quota.rate);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.quota.rate) * 1000;
  }

  async take(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * One bucket per operation for one account and region.
 * `multiplier` scales every rate and burst, for accounts whose quotas AWS raised on request.
 */
export class Pacer {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly multiplier = 1, private readonly quotas: Readonly<Record<string, Quota>> = CAMPAIGN_QUOTAS) {
    if (!(multiplier > 0)) throw new RangeError(`quota multiplier must be positive, got ${multiplier}`);
  }

  take(operation: string): Promise<void> {
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      const { rate, burst } = this.quotas[operation] ?? OTHER_QUOTA;
      bucket = new TokenBucket({ rate: rate * this.multiplier, burst: Math.max(1, Math.floor(burst * this.multiplier)) });
      this.buckets.set(operation, bucket);
    }
    return bucket.take();
  }
}

/** "DeleteCampaignCommand" → "DeleteCampaign"; the SDK puts the command name in the context. */
function operationOf(commandName: unknown): string {
  return typeof commandName === "string" ? commandName.replace(/Command$/, "") : "Unknown";
}

/** SDK plugin: `client.middlewareStack.use(pacingPlugin(pacer))`. */
export function pacingPlugin<Input extends object, Output extends object>(pacer: Pacer): Pluggable<Input, Output> {
  const paced: FinalizeRequestMiddleware<Input, Output> = (next, context) => async (args) => {
    await pacer.take(operationOf(context.commandName));
    return next(args);
  };
  return {
    applyToStack(stack) {
      stack.addRelativeTo(paced, { name: "campaignsPacing", relation: "after", toMiddleware: "retryMiddleware" });
    },
  };
}
