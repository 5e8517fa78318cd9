import { TokenBucket } from '../../bot/features/digest/pacing';
import { maxInWindow } from '../../bench/lib/rate';

describe('digest pacing per tenant (token bucket)', () => {
  it('lets a burst through at once, then spaces posts at the rate', () => {
    const bucket = new TokenBucket(40, 10);
    const waits = Array.from({ length: 12 }, () => bucket.take(0));
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits[10]).toBe(25);
    expect(waits[11]).toBe(50);
  });

  it('keeps any 1-second window at or under 50 requests when posts are sent as it says', () => {
    const bucket = new TokenBucket(40, 10);
    const sent: number[] = [];
    let now = 0;
    for (let i = 0; i < 500; i++) {
      now += 1; // a post every millisecond if nothing held it back
      const wait = bucket.take(now);
      now += wait;
      sent.push(now);
    }
    expect(maxInWindow(sent)).toBeLessThanOrEqual(50);
    expect(maxInWindow(sent)).toBeGreaterThanOrEqual(40);
  });

  it('refills after a pause', () => {
    const bucket = new TokenBucket(40, 10);
    for (let i = 0; i < 10; i++) bucket.take(0);
    expect(bucket.take(0)).toBeGreaterThan(0);
    expect(bucket.take(10_000)).toBe(0);
  });
});
