import { z } from 'zod';
import {
  CaseStatusSchema,
  ClosureReasonSchema,
  IsoDateSchema,
  ReassignmentReasonSchema,
  RehabRecommendationSchema,
  VisitationGroupSchema,
} from './case';

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
