import { ConflictError } from '../../domain/errors';
import type { CaseDocRepository } from '../../store/case-doc-repository';
import type { WithEtag } from '../../store/documents';

/**
 * Saves a document edited on a card, exactly once and never over someone else's newer save:
 * - the same submission again (a double click, a retried request) returns what is stored;
 * - a document changed since the card was rendered (its ETag differs) is a ConflictError;
 * - otherwise the new version is written with IfMatch, so a race after the check is caught too.
 */
export async function saveOnce<T extends { id: string; caseRef: string; lastSubmissionId?: string | undefined }>(
  repository: CaseDocRepository<T>,
  at: { tenantId: string; caseRef: string; key: string },
  submission: { submissionId: string; etag: string },
  /** The new version; undefined when nothing changed (then nothing is written). */
  build: (current: WithEtag<T> | undefined) => T | undefined,
): Promise<{ doc: WithEtag<T>; previous?: WithEtag<T> | undefined; duplicate: boolean; unchanged?: boolean }> {
  const current = await repository.get(at.tenantId, at.caseRef, at.key);
  if (current !== undefined && current.lastSubmissionId === submission.submissionId)
    return { doc: current, duplicate: true };
  if (current !== undefined && current._etag !== submission.etag) throw new ConflictError(current.id);
  const built = build(current);
  if (built === undefined) {
    if (current === undefined) throw new Error('Nothing to save and nothing stored');
    return { doc: current, duplicate: false, unchanged: true };
  }
  const next = { ...built, lastSubmissionId: submission.submissionId };
  try {
    const doc = await repository.save(next, current?._etag);
    return { doc, previous: current, duplicate: false };
  } catch (e) {
    // Two copies of the same click racing: the one that lost finds its own submission stored.
    const now = e instanceof ConflictError ? await repository.get(at.tenantId, at.caseRef, at.key) : undefined;
    if (now !== undefined && now.lastSubmissionId === submission.submissionId) return { doc: now, duplicate: true };
    throw e;
  }
}
