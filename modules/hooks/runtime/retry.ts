/**
 * The SDK's own standard retry strategy, with more attempts than its default of 3.
 *
 * Pacing keeps us under the quotas, but other callers share them and AWS (or the emulator)
 * throttles or fails some requests anyway. With p = 0.2 of requests failing, ten attempts leave
 * 0.2^10 ≈ 1e-7 per call, i.e. well under one failed hook in ten thousand 1000-call cleanups.
 * Backoff is the strategy's jittered exponential one (1 s base for throttling, 50 ms for 5xx,
 * capped at 20 s), so a long outage still ends the hook within minutes instead of spinning.
 */
import { StandardRetryStrategy } from "@smithy/core/retry";

export const MAX_ATTEMPTS = 10;

export function retryStrategy(): StandardRetryStrategy {
  return new StandardRetryStrategy({ maxAttempts: MAX_ATTEMPTS });
}
