import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConflictError } from '../domain/errors';
import { DigestScopeSchema } from '../domain/digest-aggregates';
import type { Store } from './cosmos-store';
import { queryAll, readDoc, replaceIfMatch, upsertDoc, createOnce, type WithEtag } from './documents';

/**
 * A channel's subscription to the weekly digest (container `directory`, partition = tenant), and a
 * small index of the tenants that have any, so the scheduler can find them without a query that
 * crosses tenants.
 */
export { DigestScopeSchema, type DigestScope } from '../domain/digest-aggregates';

export const DigestSubscriptionSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('digest_subscription'),
  schemaVersion: z.literal(1),
  /** The team's installation is kept under the team id (bot/teams/installation-capture.ts). */
  teamId: z.string(),
  channelId: z.string(),
  scope: DigestScopeSchema,
  /** Team scope: Entra ids of the team's members at the last roster read (fallback when Teams cannot answer). */
  memberIds: z.array(z.string()).optional(),
  /** ISO weekday, 1 = Monday. */
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timeZone: z.string(),
  locale: z.enum(['da', 'en']),
  active: z.boolean(),
  /** When it was last (re)activated: a week whose slot passed before this is not delivered. */
  activeSince: z.string(),
  deactivatedReason: z.enum(['unsubscribed', 'bot_removed']).optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type DigestSubscription = z.infer<typeof DigestSubscriptionSchema>;

/** The index lives in a partition of its own, not in any tenant's. */
const SYSTEM_PARTITION = '_system';
const INDEX_ID = 'digest-tenants';

const TenantIndexSchema = z.object({
  id: z.literal(INDEX_ID),
  tenantId: z.literal(SYSTEM_PARTITION),
  type: z.literal('digest_tenant_index'),
  schemaVersion: z.literal(1),
  tenantIds: z.array(z.string()),
});

/** Channel ids are long Teams thread ids; the document id is a hash of them. */
export const subscriptionIdFor = (channelId: string): string =>
  `digest-sub:${createHash('sha256').update(channelId).digest('hex').slice(0, 40)}`;

export class DigestSubscriptionRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.directory;
  }

  get(tenantId: string, channelId: string): Promise<WithEtag<DigestSubscription> | undefined> {
    return readDoc(this.container, subscriptionIdFor(channelId), tenantId, DigestSubscriptionSchema);
  }

  getById(tenantId: string, id: string): Promise<WithEtag<DigestSubscription> | undefined> {
    return readDoc(this.container, id, tenantId, DigestSubscriptionSchema);
  }

  /** Creates or replaces the channel's subscription, and makes sure the scheduler knows the tenant. */
  async save(subscription: DigestSubscription): Promise<void> {
    await this.registerTenant(subscription.tenantId);
    await upsertDoc(this.container, DigestSubscriptionSchema.parse(subscription));
  }

  /** Replaces a subscription read earlier, unless someone changed it meanwhile (ConflictError). */
  async replace(subscription: WithEtag<DigestSubscription>): Promise<void> {
    const { _etag, ...doc } = subscription;
    await replaceIfMatch(this.container, DigestSubscriptionSchema.parse(doc), doc.tenantId, _etag);
  }

  listActive(tenantId: string): Promise<WithEtag<DigestSubscription>[]> {
    return queryAll(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "digest_subscription" AND c.active = true ORDER BY c.id',
        parameters: [{ name: '@t', value: tenantId }],
      },
      DigestSubscriptionSchema,
    );
  }

  /** Tenants with at least one subscription (active or not). */
  async tenants(): Promise<string[]> {
    const index = await readDoc(this.container, INDEX_ID, SYSTEM_PARTITION, TenantIndexSchema);
    return index?.tenantIds ?? [];
  }

  private async registerTenant(tenantId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const index = await readDoc(this.container, INDEX_ID, SYSTEM_PARTITION, TenantIndexSchema);
      if (index?.tenantIds.includes(tenantId)) return;
      if (index === undefined) {
        const created = await createOnce(this.container, {
          id: INDEX_ID,
          tenantId: SYSTEM_PARTITION,
          type: 'digest_tenant_index',
          schemaVersion: 1,
          tenantIds: [tenantId],
        });
        if (created) return;
        continue;
      }
      const { _etag, ...doc } = index;
      try {
        await replaceIfMatch(
          this.container,
          { ...doc, tenantIds: [...doc.tenantIds, tenantId] },
          SYSTEM_PARTITION,
          _etag,
        );
        return;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new ConflictError('digest tenant index');
  }
}
