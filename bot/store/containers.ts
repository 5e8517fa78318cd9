/**
 * The containers of the store (PRODUCT.md §2). In Azure, infra/azure.bicep creates them with the same
 * names, keys and TTL settings (a data-plane role cannot); test/deployment checks that the two agree.
 * On the embedded server and the emulator the app creates them at start-up.
 *
 * defaultTtl -1 switches TTL on without a default, so only items that carry their own `ttl`
 * (closed cases, audit entries, old turn state) expire. The embedded server ignores TTL; the purge
 * sweep does the same work there.
 */
export const CONTAINERS = {
  /** One logical partition per case: everything a jobformidler does is a single-partition read or write. */
  cases: { partitionKey: '/caseRef', defaultTtl: -1 },
  /** GDPR art. 9 data (screening answers, HKO): separate access and retention. */
  sensitive: { partitionKey: '/caseRef', defaultTtl: -1 },
  /** Users and roles, installations (conversation references), settings, catalogue versions. */
  directory: { partitionKey: '/tenantId', defaultTtl: undefined },
  /** Digest snapshots, delivery log, job leases, idempotency records. */
  runs: { partitionKey: '/tenantId', defaultTtl: -1 },
  /** Append-only access log (art. 15 extracts), per-item retention of at least 6 months. */
  audit: { partitionKey: '/tenantId', defaultTtl: -1 },
  /**
   * Bot Framework turn state. No longer written (nothing read it: flows keep their progress in their
   * own documents); kept so documents written by earlier versions expire through TTL and the purge.
   */
  botstate: { partitionKey: '/id', defaultTtl: -1 },
} as const satisfies Record<string, { partitionKey: string; defaultTtl: number | undefined }>;

export type ContainerName = keyof typeof CONTAINERS;
export const CONTAINER_NAMES = Object.keys(CONTAINERS) as ContainerName[];
