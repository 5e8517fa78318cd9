/**
 * Teams allows a bot 50 requests/s per tenant. The digest job posts one channel after another as
 * fast as the store lets it, which on a fast machine is more than that; a token bucket per tenant
 * keeps it under. 30/s with a burst of 5 leaves room for the connector's own retries (unpaced,
 * up to 3 per post) inside 50. Pure: the caller passes the time and does the waiting.
 */
export const DIGEST_POSTS_PER_SECOND = 30;
const BURST = 5;

export class TokenBucket {
  private tokens: number;
  private last: number | undefined;

  constructor(
    private readonly perSecond: number = DIGEST_POSTS_PER_SECOND,
    private readonly burst: number = BURST,
  ) {
    this.tokens = burst;
  }

  /** Takes one token at time `nowMs`; how long (ms) the caller must wait before sending (0: at once). */
  take(nowMs: number): number {
    if (this.last !== undefined)
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) * this.perSecond) / 1000);
    this.last = nowMs;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.perSecond);
  }
}
