import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RoleSchema } from '../domain/roles';
import type { Store } from './cosmos-store';
import { createDoc, queryPage, type Page } from './documents';

/** Why case data was looked at; a citizen's log extract (art. 15) shows dates and these purposes. */
export const AUDIT_PURPOSES = [
  'screening',
  'visitation',
  'follow_up',
  'progression',
  'management_information',
  'administration',
  'data_subject_request',
  'support',
  /** A leader looked at a case of their team with its jobformidler (issue 15 item 6; seed 001). */
  'ledelsessparring',
] as const;
export const AuditPurposeSchema = z.enum(AUDIT_PURPOSES);
export type AuditPurpose = z.infer<typeof AuditPurposeSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('audit'),
  schemaVersion: z.literal(1),
  at: z.string(),
  actorId: z.string(),
  actorRoles: z.array(RoleSchema),
  /** What was done, e.g. `case.read`, `screening.answer.write`, `tenant.denied`. */
  action: z.string(),
  kind: z.enum(['read', 'write', 'access']),
  caseRef: z.string().optional(),
  /** The cases one entry covers when a turn read several (e.g. a page of "Mine borgere"); caseRef is then absent. */
  caseRefs: z.array(z.string()).min(2).optional(),
  purpose: AuditPurposeSchema,
  channel: z.enum(['personal', 'groupChat', 'channel', 'api', 'system']),
  outcome: z.enum(['ok', 'denied', 'error']),
  correlationId: z.string(),
  /** Per-item retention in seconds (Cosmos TTL); the purge sweep honours it where TTL is not. */
  ttl: z.number().int().positive(),
  expiresAt: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditInput = Omit<AuditEntry, 'id' | 'type' | 'schemaVersion' | 'ttl' | 'expiresAt'>;

/**
 * The append-only access log. There is deliberately no update or delete method: the app can only
 * add entries (expired entries are removed by retention, see the privacy feature).
 */
export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly retentionDays: (tenantId: string) => Promise<number>,
  ) {}

  async append(input: AuditInput): Promise<AuditEntry> {
    const days = await this.retentionDays(input.tenantId);
    const entry: AuditEntry = {
      ...input,
      id: randomUUID(),
      type: 'audit',
      schemaVersion: 1,
      ttl: days * 86400,
      expiresAt: new Date(Date.parse(input.at) + days * 86400_000).toISOString(),
    };
    await createDoc(this.store.containers.audit, AuditEntrySchema.parse(entry));
    return entry;
  }

  /** A case's entries (alone or among the cases of one entry), oldest first, a page at a time. */
  listForCase(
    tenantId: string,
    caseRef: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<AuditEntry>> {
    return queryPage(
      this.store.containers.audit,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "audit" AND (c.caseRef = @ref OR ARRAY_CONTAINS(c.caseRefs, @ref)) ORDER BY c.at',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@ref', value: caseRef },
        ],
      },
      AuditEntrySchema,
      options,
    );
  }

  /** A tenant's entries from `since`, oldest first (for DPO review and tests). */
  listSince(
    tenantId: string,
    since: Date,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<AuditEntry>> {
    return queryPage(
      this.store.containers.audit,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "audit" AND c.at >= @since ORDER BY c.at',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@since', value: since.toISOString() },
        ],
      },
      AuditEntrySchema,
      options,
    );
  }
}
