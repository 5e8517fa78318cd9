import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  CaseStatusSchema,
  ClosureReasonSchema,
  IsoDateSchema,
  ReassignmentReasonSchema,
  RehabRecommendationSchema,
  VisitationGroupSchema,
  caseDocId,
} from '../domain/case';
import type { Store } from './cosmos-store';
import { createDoc, queryPage, readDoc, replaceIfMatch, type Page, type WithEtag } from './documents';

export const PastVisitationSchema = z.object({
  group: VisitationGroupSchema,
  conversationAt: IsoDateSchema,
  decidedAt: z.string(),
  decidedBy: z.string(),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema,
});
export type PastVisitation = z.infer<typeof PastVisitationSchema>;

export const RehabSchema = z.object({
  /** The planned (or latest planned) meeting in the rehabilitation team. */
  meetingAt: IsoDateSchema.optional(),
  /** When that meeting was held. */
  meetingHeldAt: IsoDateSchema.optional(),
  planStartedAt: IsoDateSchema.optional(),
  recommendation: RehabRecommendationSchema.optional(),
  recommendedAt: IsoDateSchema.optional(),
});
export type Rehab = z.infer<typeof RehabSchema>;

export const PendingTransferSchema = z.object({
  toUserId: z.string(),
  reason: ReassignmentReasonSchema,
  requestedBy: z.string(),
  requestedAt: z.string(),
});

/**
 * The case itself: who owns it and where it is in the model. Screening creates it, visitation sets
 * the group and the jobformidler, the jobformidler's work hangs off it. Owned fields here are the
 * contract between features; richer data lives in each feature's own documents in the same partition.
 */
export const CaseDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('case'),
  schemaVersion: z.literal(1),
  caseRef: z.string(),
  status: CaseStatusSchema,
  screenerId: z.string(),
  assignedJobformidlerId: z.string().optional(),
  jobformidlerHistory: z
    .array(
      z.object({
        userId: z.string(),
        from: IsoDateSchema,
        to: IsoDateSchema.optional(),
        /** Why the case came to this jobformidler from another (absent for the first). */
        reason: ReassignmentReasonSchema.optional(),
        by: z.string().optional(),
      }),
    )
    .default([]),
  /** The owner of a group 2 case: a myndighedssagsbehandler, or a jobformidler (issue 15 item 1). */
  caseworkerId: z.string().optional(),
  visitation: z
    .object({
      group: VisitationGroupSchema,
      conversationAt: IsoDateSchema,
      decidedAt: z.string(),
      decidedBy: z.string(),
      effectiveFrom: IsoDateSchema,
    })
    .passthrough()
    .optional(),
  /** Earlier visitations of a re-visited case, oldest first; each ended (`effectiveTo`) when the next began. */
  visitationHistory: z.array(PastVisitationSchema).optional(),
  /** The group 2 track: the rehabilitation team meeting and the team's recommendation. */
  rehab: RehabSchema.optional(),
  /** A transfer the case's jobformidler proposed, waiting for the receiver to accept it. */
  pendingTransfer: PendingTransferSchema.optional(),
  closure: z.object({ date: IsoDateSchema, reason: ClosureReasonSchema }).optional(),
  /** Closures that were undone (a screener or admin re-opened the case within its retention period). */
  closureHistory: z
    .array(
      z.object({
        date: IsoDateSchema,
        reason: ClosureReasonSchema,
        reopenedAt: z.string(),
        reopenedBy: z.string(),
      }),
    )
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Set by retention when the case is closed (bot/features/retention): Cosmos TTL, and the date the purge sweep uses. */
  ttl: z.number().int().positive().optional(),
  expiresAt: z.string().optional(),
});
export type CaseDoc = z.infer<typeof CaseDocSchema>;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A generated pseudonymous case reference, e.g. FR-7KQ2-M9XA (no CPR, nothing derived from the person). */
export function generateCaseRef(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `FR-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

export class CaseRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.cases;
  }

  get(tenantId: string, caseRef: string): Promise<WithEtag<CaseDoc> | undefined> {
    return readDoc(this.container, caseDocId(tenantId, 'case'), caseRef, CaseDocSchema);
  }

  /** Creates a case; ConflictError-free: returns false if the reference is taken in this tenant. */
  async create(doc: Omit<CaseDoc, 'id' | 'type' | 'schemaVersion'>): Promise<CaseDoc | undefined> {
    const full: CaseDoc = { ...doc, id: caseDocId(doc.tenantId, 'case'), type: 'case', schemaVersion: 1 };
    const existing = await this.get(doc.tenantId, doc.caseRef);
    if (existing !== undefined) return undefined;
    await createDoc(this.container, CaseDocSchema.parse(full));
    return full;
  }

  /** Replaces the case if nobody changed it since it was read (ConflictError otherwise). */
  async replace(doc: WithEtag<CaseDoc>): Promise<WithEtag<CaseDoc>> {
    const { _etag, ...rest } = doc;
    const etag = await replaceIfMatch(this.container, CaseDocSchema.parse(rest), doc.caseRef, _etag);
    return { ...rest, _etag: etag };
  }

  /** A jobformidler's cases, a page at a time (cross-partition, always scoped by tenant). */
  listForJobformidler(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return this.listBy('assignedJobformidlerId', userId, 'c.caseRef', tenantId, options);
  }

  /** The jobformidler's cases that are not closed ("Mine borgere": a closed case leaves the list). */
  listOpenForJobformidler(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return this.listBy('assignedJobformidlerId', userId, 'c.caseRef', tenantId, options, true);
  }

  /**
   * The open cases a user owns, a page at a time: as jobformidler (group 1) or as the owner of a
   * group 2 case ("Mine borgere" for jobformidlere and myndighedssagsbehandlere alike).
   */
  listOpenOwnedBy(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return queryPage(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case" AND (c.assignedJobformidlerId = @v OR c.caseworkerId = @v) AND c.status != "CLOSED" ORDER BY c.caseRef',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@v', value: userId },
        ],
      },
      CaseDocSchema,
      options,
    );
  }

  /**
   * All the open cases a user owns, page by page: as jobformidler (group 1) or as the owner of a
   * group 2 case ("Mine borgere" orders the whole caseload).
   */
  async allOpenOwnedBy(tenantId: string, userId: string): Promise<WithEtag<CaseDoc>[]> {
    const all: WithEtag<CaseDoc>[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.listOpenOwnedBy(tenantId, userId, { maxItemCount: 500, continuationToken });
      all.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return all;
  }

  listForScreener(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return this.listBy('screenerId', userId, 'c.updatedAt DESC', tenantId, options);
  }

  /** True when the tenant has any case at all (the local demo municipality is offered only to an empty Fremdrift). */
  async hasAny(tenantId: string): Promise<boolean> {
    let continuationToken: string | undefined;
    do {
      const page = await queryPage(
        this.container,
        {
          query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case"',
          parameters: [{ name: '@t', value: tenantId }],
        },
        CaseDocSchema,
        { maxItemCount: 1, ...(continuationToken !== undefined ? { continuationToken } : {}) },
      );
      if (page.items.length > 0) return true;
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return false;
  }

  private listBy(
    field: 'assignedJobformidlerId' | 'screenerId',
    value: string,
    orderBy: string,
    tenantId: string,
    options: { maxItemCount: number; continuationToken?: string },
    openOnly = false,
  ): Promise<Page<WithEtag<CaseDoc>>> {
    const open = openOnly ? ' AND c.status != "CLOSED"' : '';
    return queryPage(
      this.container,
      {
        query: `SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case" AND c.${field} = @v${open} ORDER BY ${orderBy}`,
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@v', value },
        ],
      },
      CaseDocSchema,
      options,
    );
  }
}
