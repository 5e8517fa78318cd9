import type { DeliveryResult } from '../../bot/services';
import {
  DEFAULT_RETRY_POLICY,
  deliverWithRetry,
  nextDelayMs,
  type AttemptRecord,
} from '../../bot/features/delivery/retry-policy';

/** Backoff with jitter, Retry-After and bounded attempts, without waiting for real. */
const policy = DEFAULT_RETRY_POLICY;

describe('next delay', () => {
  it('grows exponentially with equal jitter between half and the whole step', () => {
    expect(nextDelayMs(1, undefined, policy, () => 0)).toBe(500);
    expect(nextDelayMs(1, undefined, policy, () => 1)).toBe(1000);
    expect(nextDelayMs(2, undefined, policy, () => 0.5)).toBe(1500);
  });

  it('caps the step', () => {
    expect(nextDelayMs(4, undefined, { ...policy, maxAttempts: 20 }, () => 0)).toBe(4000);
    const long = { ...policy, maxAttempts: 20 };
    expect(nextDelayMs(12, undefined, long, () => 1)).toBe(30_000);
  });

  it('never retries sooner than Retry-After', () => {
    expect(nextDelayMs(1, 4000, policy, () => 1)).toBe(4000);
    expect(nextDelayMs(2, 100, policy, () => 0)).toBe(1000);
  });

  it('gives up after the last attempt, or when Retry-After is longer than it will wait', () => {
    expect(nextDelayMs(3, undefined, policy, () => 0.5)).toBeUndefined();
    expect(nextDelayMs(1, 10 * 60_000, policy, () => 0.5)).toBeUndefined();
  });
});

describe('deliver with retry', () => {
  const sent: DeliveryResult = { status: 'sent', activityId: 'a1', conversationId: 'c1' };
  async function run(results: DeliveryResult[]) {
    const waits: number[] = [];
    const attempts: AttemptRecord[] = [];
    const queue = [...results];
    const final = await deliverWithRetry(async () => queue.shift() ?? sent, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      onAttempt: async (r) => void attempts.push(r),
    });
    return { final, waits, attempts };
  }

  it('waits as told by Retry-After after a 429, then succeeds', async () => {
    const r = await run([{ status: 'throttled', httpStatus: 429, retryAfterMs: 2000 }, sent]);
    expect(r.final).toEqual(sent);
    expect(r.waits).toEqual([2000]);
    expect(r.attempts.map((a) => [a.result.status, a.waitMs])).toEqual([
      ['throttled', 2000],
      ['sent', undefined],
    ]);
  });

  it('retries 5xx with backoff and stops after three attempts', async () => {
    const busy: DeliveryResult = { status: 'throttled', httpStatus: 503 };
    const r = await run([busy, busy, busy, sent]);
    expect(r.final).toEqual(busy);
    expect(r.attempts).toHaveLength(3);
    expect(r.waits).toEqual([750, 1500]);
  });

  it('does not retry when the bot is gone or the failure is permanent', async () => {
    expect((await run([{ status: 'gone', httpStatus: 403 }])).attempts).toHaveLength(1);
    expect((await run([{ status: 'failed', httpStatus: 400, error: 'bad' }])).waits).toEqual([]);
  });
});
