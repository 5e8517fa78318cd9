import { z } from 'zod';

/**
 * Fields every document of the jobformidler's work carries (domain-research §5.3): the partition
 * key `caseRef`, who wrote it when, and the submission that last changed it, so a repeated click
 * on the same card is recognised and does nothing twice.
 */
export const caseWorkFields = {
  id: z.string(),
  tenantId: z.string(),
  caseRef: z.string(),
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  lastSubmissionId: z.string().optional(),
  /** Retention stamp set when the case is closed (bot/features/retention); kept on every save. */
  ttl: z.number().int().positive().optional(),
  expiresAt: z.string().optional(),
};

/** The stamp of a new document written by `userId` at `at`. */
export const stampNew = (userId: string, at: Date) => ({
  schemaVersion: 1 as const,
  createdAt: at.toISOString(),
  createdBy: userId,
  updatedAt: at.toISOString(),
  updatedBy: userId,
});
