import { businessDate } from '../../domain/calendar';
import { ConflictError, InvalidInputError } from '../../domain/errors';
import type { PolicyAction } from '../../domain/policy';
import { CaseFactsRepository, projectFacts } from '../../store/case-facts-repository';
import type { CaseDocRepository } from '../../store/case-doc-repository';
import {
  parseCaseWorkDoc,
  readCaseWork,
  withWrittenDoc,
  type CaseWorkDoc,
  type CaseWorkPartition,
} from '../../store/case-work-partition';
import { saveGuarded } from '../../store/case-work-documents';
import { saveWithFacts } from '../../store/case-work-write';
import type { WithEtag } from '../../store/documents';
import type { HandlerContext } from '../feature';
import { caseNotFound, ownershipOf, type CaseScope } from './case-access';
import type { SaveTarget } from './save-once';

/**
 * The case as a form's save sees it: the case, its work and its facts from one query of the case's
 * partition, and, once the save has written, with what it wrote.
 */
export interface CaseWorkScope extends CaseScope {
  readonly work: CaseWorkPartition;
}

/** Writes documents of the case's work inside changeCaseWork, each with the facts it changes. */
export interface CaseWorkWriter {
  /** The partition as read, with every document written so far. */
  readonly work: CaseWorkPartition;
  write<T extends CaseWorkDoc>(doc: T, etag: string | undefined): Promise<WithEtag<T>>;
  /** saveOnceTo's target for the document `key` of `repository`'s kind, as this action read it. */
  target<T extends CaseWorkDoc>(repository: CaseDocRepository<T>, key: string): SaveTarget<T>;
}

/**
 * Every save of the jobformidler's forms: read the case's partition once (the case, the document
 * being changed, what the answer card shows, the facts and their ETag), ask the policy through the
 * guard (one audited write, purpose `follow_up`), refuse a closed case, and write each document
 * together with the case facts built from what was read plus that document, in one transactional
 * batch guarded by both ETags. No query after the write: the facts come from the read, and the
 * answer card is drawn from `scope.work`.
 *
 * When the facts moved on meanwhile (another save of the same case), the document is written alone,
 * still ETag-guarded, and the facts get the full rebuild, which reads the partition again and so
 * cannot miss either save (bot/store/case-facts-repository.ts says why).
 */
export async function changeCaseWork<R>(
  ctx: HandlerContext,
  caseRef: string,
  auditAction: string,
  change: (scope: CaseWorkScope, writer: CaseWorkWriter) => Promise<R>,
  options: { action?: PolicyAction } = {},
): Promise<{ result: R; scope: CaseWorkScope }> {
  const { store } = ctx.services;
  const { tenantId } = ctx.actor;
  const read = await readCaseWork(store, tenantId, caseRef);
  if (read === undefined) throw caseNotFound(caseRef);
  const settings = await ctx.services.directory.getSettings(tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  let work: CaseWorkPartition = read;

  const write = async <T extends CaseWorkDoc>(doc: T, etag: string | undefined): Promise<WithEtag<T>> => {
    const valid = parseCaseWorkDoc(doc);
    const facts = projectFacts(withWrittenDoc(work, { ...valid, _etag: '' }), work.facts, settings, ctx.now);
    const saved = await saveWithFacts(store, valid, etag, facts, work.facts?._etag);
    if (saved.saved) {
      const written = { ...valid, _etag: saved.docEtag };
      work = { ...withWrittenDoc(work, written), facts: { ...facts, _etag: saved.factsEtag } };
      return written;
    }
    if (saved.conflict === 'doc') throw new ConflictError(`cases/${valid.id}`);
    const written = { ...valid, _etag: await saveGuarded(store.containers.cases, valid, etag) };
    await new CaseFactsRepository(store).rebuild(tenantId, caseRef, settings, ctx.now);
    // The rebuilt facts' ETag is not known here: a second write in this action rebuilds again.
    work = { ...withWrittenDoc(work, written), facts: undefined };
    return written;
  };
  const writer: CaseWorkWriter = {
    get work() {
      return work;
    },
    write,
    target: (repository, key) => {
      const id = repository.idOf(tenantId, key);
      const loaded = [
        work.jobGoals,
        work.cv,
        ...work.agreements,
        ...work.placements,
        ...work.hours,
        ...work.followUps,
        ...work.progression,
        ...work.matches,
      ].find((d) => d?.id === id);
      return {
        current: repository.fromLoaded(loaded),
        write,
        // After a lost race the stored version is what the answer card must show (a repeated click
        // that the other copy saved): it joins the partition this action answers from.
        reread: async () => {
          const stored = await repository.get(tenantId, caseRef, key);
          if (stored !== undefined) work = withWrittenDoc(work, stored);
          return stored;
        },
      };
    },
  };

  const result = await ctx.guard.run(
    {
      action: options.action ?? 'case.write',
      kind: 'write',
      purpose: 'follow_up',
      caseRef,
      resource: ownershipOf(read.caseDoc),
      auditAction,
    },
    async () => {
      if (read.caseDoc.status === 'CLOSED') throw new InvalidInputError('input.case_closed');
      return change({ caseDoc: read.caseDoc, settings, today, work }, writer);
    },
  );
  return { result, scope: { caseDoc: read.caseDoc, settings, today, work } };
}
