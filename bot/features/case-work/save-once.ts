import { createHash } from 'node:crypto';
import { ConflictError } from '../../domain/errors';
import type { CaseDocRepository } from '../../store/case-doc-repository';
import type { WithEtag } from '../../store/documents';

type SavedDoc = { id: string; caseRef: string; lastSubmissionId?: string | undefined };

/** Where saveOnce finds the stored version and writes the next one. */
export interface SaveTarget<T extends SavedDoc> {
  /** The stored version as read for this action (undefined: none yet). */
  readonly current: WithEtag<T> | undefined;
  /** Writes `doc` guarded by `etag` (undefined: create); ConflictError if someone was first. */
  write(doc: T, etag: string | undefined): Promise<WithEtag<T>>;
  /** Reads the stored version again (after a lost race). */
  reread(): Promise<WithEtag<T> | undefined>;
}

export interface SaveOnceResult<T> {
  readonly doc: WithEtag<T>;
  readonly previous?: WithEtag<T> | undefined;
  readonly duplicate: boolean;
  readonly unchanged?: boolean;
}

/**
 * Saves a document edited on a card, exactly once and never over someone else's newer save. The
 * one place the case-work kit decides idempotency and ETag conflicts:
 * - the same submission again (a double click, a retried request) returns what is stored;
 *   "the same" means the same card (submission id) AND the same values: a card shown to two people
 *   (shared in a chat, open on two devices) carries one submission id, and the second person's
 *   different values must meet the ETag check, not be taken for a repeat and silently dropped;
 * - a document changed since the card was rendered (its ETag differs) is a ConflictError;
 * - otherwise the new version is written with IfMatch, so a race after the check is caught too.
 */
export async function saveOnceTo<T extends SavedDoc>(
  target: SaveTarget<T>,
  submission: { submissionId: string; etag: string },
  /** The new version; undefined when nothing changed (then nothing is written). */
  build: (current: WithEtag<T> | undefined) => T | undefined,
): Promise<SaveOnceResult<T>> {
  const stamp = submissionStamp(submission);
  const isRepeat = (doc: WithEtag<T>): boolean =>
    doc.lastSubmissionId === stamp || doc.lastSubmissionId === submission.submissionId;
  const current = target.current;
  if (current !== undefined && isRepeat(current)) return { doc: current, duplicate: true };
  if (current !== undefined && current._etag !== submission.etag) throw new ConflictError(current.id);
  const built = build(current);
  if (built === undefined) {
    if (current === undefined) throw new Error('Nothing to save and nothing stored');
    return { doc: current, duplicate: false, unchanged: true };
  }
  const next = { ...built, lastSubmissionId: stamp };
  try {
    const doc = await target.write(next, current?._etag);
    return { doc, previous: current, duplicate: false };
  } catch (e) {
    // Two copies of the same click racing: the one that lost finds its own submission stored.
    const now = e instanceof ConflictError ? await target.reread() : undefined;
    if (now !== undefined && isRepeat(now)) return { doc: now, duplicate: true };
    throw e;
  }
}

/** saveOnceTo for a document read and written on its own (a point read, then a guarded save). */
export async function saveOnce<T extends SavedDoc>(
  repository: CaseDocRepository<T>,
  at: { tenantId: string; caseRef: string; key: string },
  submission: { submissionId: string; etag: string },
  build: (current: WithEtag<T> | undefined) => T | undefined,
): Promise<SaveOnceResult<T>> {
  const reread = () => repository.get(at.tenantId, at.caseRef, at.key);
  return saveOnceTo(
    { current: await reread(), write: (doc, etag) => repository.save(doc, etag), reread },
    submission,
    build,
  );
}

/** The submission id with a fingerprint of the submitted values (a plain id is read as written by older code). */
function submissionStamp(submission: { submissionId: string }): string {
  const entries = Object.entries(submission).sort(([a], [b]) => a.localeCompare(b));
  const fingerprint = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
  return `${submission.submissionId}#${fingerprint}`;
}
