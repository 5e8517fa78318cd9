/**
 * What one instance keeps of a tenant's rarely changed documents (the settings, the roles card's
 * staff list, the indicator-set catalogue) for a short time, so most turns do not ask the store for
 * them again. Another instance's change shows once the kept copy is older than its maximum age; the
 * instance that writes updates or drops its copy at once. Nothing kept here decides a permission.
 */
export class KeptPerTenant<T> {
  private readonly kept = new Map<string, { readonly value: T; readonly checkedAt: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /**
   * The kept value while it is younger than the maximum age, else what `load` returns (given the
   * old value, e.g. to revalidate it with its ETag), which is then kept.
   */
  async get(
    tenantId: string,
    load: (old: T | undefined) => Promise<T>,
    options: { readonly maxAgeMs?: number; readonly now?: number } = {},
  ): Promise<T> {
    const now = options.now ?? this.monotonicNow();
    const kept = this.kept.get(tenantId);
    if (kept !== undefined && now - kept.checkedAt < (options.maxAgeMs ?? this.maxAgeMs)) return kept.value;
    const value = await load(kept?.value);
    this.kept.set(tenantId, { value, checkedAt: now });
    return value;
  }

  /** Keeps a value this instance has just written, as of now. */
  set(tenantId: string, value: T): void {
    this.kept.set(tenantId, { value, checkedAt: this.monotonicNow() });
  }

  /** Changes the kept value (keeping its age), if there is one. */
  update(tenantId: string, change: (value: T) => T): void {
    const kept = this.kept.get(tenantId);
    if (kept !== undefined) this.kept.set(tenantId, { ...kept, value: change(kept.value) });
  }

  forget(tenantId: string): void {
    this.kept.delete(tenantId);
  }
}
