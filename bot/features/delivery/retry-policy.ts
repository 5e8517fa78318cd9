import type { Config } from '../../config';
import type { DeliveryResult } from '../../services';

/**
 * When to try a proactive send again (every proactive path: the digest, the daily nudge, the
 * handover notice). Teams throttles a bot per conversation (7 messages/s,
 * 1,800/h) and per tenant (50 requests/s) and asks for retries of 429/412/502/504 with exponential
 * backoff and jitter, honouring Retry-After (PRODUCT.md §3). Pure: the caller passes `random`
 * and `sleep`, so tests run without waiting.
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the run gives up and logs it. */
  readonly maxRetryAfterMs: number;
}

/**
 * Three attempts of ours. Each attempt is itself retried by the Bot Framework connector's HTTP
 * pipeline (@azure/core-rest-pipeline: up to 3 retries, honouring Retry-After), so a digest makes
 * at most 12 requests to one conversation – far inside Teams' per-thread limits.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** The default policy with the base step from configuration (tests set it near 0 to run fast). */
export function retryPolicyFor(config: Pick<Config, 'PROACTIVE_RETRY_BASE_MS'>): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, baseDelayMs: config.PROACTIVE_RETRY_BASE_MS };
}

/**
 * The wait before attempt `attempt + 1` after throttled attempt `attempt` (1-based), or undefined to
 * give up. "Equal jitter": half the exponential step is fixed, half random, so retries from several
 * instances spread out but never come back sooner than half a step; Retry-After is a lower bound.
 */
export function nextDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return undefined;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.round(Math.max(retryAfterMs ?? 0, jittered));
}

export interface AttemptRecord {
  readonly attempt: number;
  readonly result: DeliveryResult;
  /** The wait before the next attempt; undefined after the last. */
  readonly waitMs: number | undefined;
}

/** Runs `send` until it is sent, gone, failed for good, or the policy gives up; reports every attempt. */
export async function deliverWithRetry(
  send: () => Promise<DeliveryResult>,
  options: {
    readonly policy?: RetryPolicy;
    readonly sleep: (ms: number) => Promise<void>;
    readonly random: () => number;
    readonly onAttempt: (record: AttemptRecord) => Promise<void>;
  },
): Promise<DeliveryResult> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  for (let attempt = 1; ; attempt++) {
    const result = await send();
    const waitMs =
      result.status === 'throttled' ? nextDelayMs(attempt, result.retryAfterMs, policy, options.random) : undefined;
    await options.onAttempt({ attempt, result, waitMs });
    if (waitMs === undefined) return result;
    await options.sleep(waitMs);
  }
}
