/**
 * Request rates as Teams counts them: the most requests in any sliding window of `windowMs`,
 * over all calls (per tenant: 50/s) or per conversation (7/s). Timestamps in ms.
 */
export function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** The busiest conversation's peak rate, for calls grouped by `key`. */
export function maxPerKeyInWindow<T>(
  items: readonly T[],
  key: (item: T) => string,
  time: (item: T) => number,
  windowMs = 1000,
): number {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(time(item));
    groups.set(k, list);
  }
  let max = 0;
  for (const list of groups.values()) max = Math.max(max, maxInWindow(list, windowMs));
  return max;
}
