import { businessDate, formatLongDate } from '../../domain/calendar';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { rehabText } from '../../i18n/rehab';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import type { WithEtag } from '../../store/documents';
import { closingText } from '../../i18n/closing';
import { rehabCard, rehabCloseConfirm, rehabCloseForm, type RehabCardView } from '../../../cards/rehab/rehab-card';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { ownershipOf } from '../case-work/case-access';
import { rebuildCaseFacts } from '../case-work/rebuild-facts';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, inputErrorText, type FormValues } from '../case-work/form-reader';
import { closeCase } from '../retention/close-case';
import { meetingOverdue, readRehab, readRehabClosure } from './rules';
import { catalogueFieldLabel } from '../case-work/field-label';

/**
 * The group 2 case, for its owner (a myndighedssagsbehandler or a jobformidler): the rehabilitation
 * team meeting, the recommendation, and closing it (issue 15 item 1). Every read and write goes
 * through the guard with `rehab.read` / `rehab.write` (the owner only), purpose follow-up.
 */
const label = (ctx: HandlerContext): ((field: string) => string) => catalogueFieldLabel(rehabText, ctx.actor.locale);

async function load(ctx: HandlerContext, caseRef: string): Promise<WithEtag<CaseDoc>> {
  const caseDoc = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError(`case ${caseRef}`);
  return caseDoc;
}

const isG2 = (c: CaseDoc): boolean => c.visitation?.group === 'G2_REHABILITATION';

async function view(
  ctx: HandlerContext,
  caseDoc: WithEtag<CaseDoc>,
  extra: Partial<Pick<RehabCardView, 'draft' | 'notice'>> = {},
): Promise<AdaptiveCard> {
  const today = businessDate(ctx.now);
  const owner =
    caseDoc.caseworkerId !== undefined
      ? await ctx.services.directory.getUser(ctx.actor.tenantId, caseDoc.caseworkerId)
      : undefined;
  return rehabCard({
    locale: ctx.actor.locale,
    caseRef: caseDoc.caseRef,
    status: caseDoc.status,
    ownerName: owner?.displayName ?? caseDoc.caseworkerId,
    since: caseDoc.visitation?.effectiveFrom,
    rehab: caseDoc.rehab ?? {},
    canWrite: caseDoc.status !== 'CLOSED' && ctx.guard.allows('rehab.write', ownershipOf(caseDoc)),
    meetingOverdue: caseDoc.status !== 'CLOSED' && meetingOverdue(caseDoc.rehab, today),
    etag: caseDoc._etag,
    closure: caseDoc.closure,
    expiresAt: caseDoc.expiresAt,
    ...extra,
  });
}

/** The owner's card for a group 2 case (an audited read). */
export async function rehabCardFor(
  ctx: HandlerContext,
  caseRef: string,
  extra: Partial<Pick<RehabCardView, 'draft' | 'notice'>> = {},
): Promise<AdaptiveCard> {
  const caseDoc = await load(ctx, caseRef);
  return ctx.guard.run(
    {
      action: 'rehab.read',
      auditAction: 'rehab.read',
      kind: 'read',
      purpose: 'follow_up',
      caseRef,
      resource: ownershipOf(caseDoc),
    },
    async () =>
      isG2(caseDoc)
        ? view(ctx, caseDoc, extra)
        : messageCard(rehabText(ctx.actor.locale, 'not_g2', { caseRef }), { tone: 'attention' }),
  );
}

/** Saves the meeting and recommendation from the card (ETag-guarded; refused input comes back with what was typed). */
export function saveRehab(
  ctx: HandlerContext,
  data: { caseRef: string; etag: string } & FormValues,
): Promise<ActionOutcome> {
  const caseRef = data.caseRef;
  return answerForm(ctx, {
    catalogue: rehabText,
    invalid: (message) =>
      rehabCardFor(ctx, caseRef, { draft: draftOf(data), notice: { text: message, tone: 'attention' } }),
    conflict: async (message) => ({
      card: await rehabCardFor(ctx, caseRef, { notice: { text: message, tone: 'attention' } }),
    }),
    save: async () => {
      const caseDoc = await load(ctx, caseRef);
      const saved = await ctx.guard.run(
        {
          action: 'rehab.write',
          auditAction: 'rehab.write',
          kind: 'write',
          purpose: 'follow_up',
          caseRef,
          resource: ownershipOf(caseDoc),
        },
        async () => {
          if (caseDoc.status === 'CLOSED') throw new InvalidInputError('input.case_closed');
          if (!isG2(caseDoc)) throw new InvalidInputError('input.case_closed');
          if (caseDoc._etag !== data.etag) throw new ConflictError('case');
          const rehab = readRehab(new FormReader(data, label(ctx)), businessDate(ctx.now));
          const next = await new CaseRepository(ctx.services.store).replace({
            ...caseDoc,
            rehab,
            updatedAt: ctx.now.toISOString(),
            updatedBy: ctx.actor.userId,
          });
          await rebuildCaseFacts(ctx, caseRef);
          return next;
        },
      );
      return {
        card: await view(ctx, saved, { notice: { text: rehabText(ctx.actor.locale, 'saved'), tone: 'good' } }),
      };
    },
  });
}

/** Checks the case (owner, group 2, open) through the guard before a closing step is shown. */
type Closable = { readonly ok: true } | { readonly ok: false; readonly card: AdaptiveCard };

async function checkClosable(ctx: HandlerContext, caseRef: string, auditAction: string): Promise<Closable> {
  const caseDoc = await load(ctx, caseRef);
  return ctx.guard.run(
    { action: 'rehab.write', auditAction, kind: 'read', purpose: 'follow_up', caseRef, resource: ownershipOf(caseDoc) },
    async (): Promise<Closable> =>
      caseDoc.status === 'CLOSED' || !isG2(caseDoc) ? { ok: false, card: await view(ctx, caseDoc) } : { ok: true },
  );
}

export async function rehabCloseOpen(ctx: HandlerContext, caseRef: string): Promise<AdaptiveCard> {
  const checked = await checkClosable(ctx, caseRef, 'rehab.close.open');
  if (!checked.ok) return checked.card;
  return rehabCloseForm({ locale: ctx.actor.locale, caseRef, date: businessDate(ctx.now) });
}

function readClosure(ctx: HandlerContext, caseRef: string, values: FormValues) {
  try {
    return { ok: true as const, closure: readRehabClosure(new FormReader(values, label(ctx)), businessDate(ctx.now)) };
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    const raw = (f: string): string | undefined => (typeof values[f] === 'string' ? String(values[f]) : undefined);
    return {
      ok: false as const,
      card: rehabCloseForm({
        locale: ctx.actor.locale,
        caseRef,
        reason: raw('reason'),
        date: raw('date') ?? businessDate(ctx.now),
        error: inputErrorText(ctx.actor.locale, e, rehabText),
      }),
    };
  }
}

export async function rehabCloseReview(
  ctx: HandlerContext,
  caseRef: string,
  values: FormValues,
): Promise<AdaptiveCard> {
  const checked = await checkClosable(ctx, caseRef, 'rehab.close.review');
  if (!checked.ok) return checked.card;
  const read = readClosure(ctx, caseRef, values);
  if (!read.ok) return read.card;
  return rehabCloseConfirm({ locale: ctx.actor.locale, caseRef, ...read.closure });
}

/** Closes the group 2 case: retention's closeCase (status CLOSED, every document stamped), audited as `case.close`. */
export async function rehabCloseConfirmed(
  ctx: HandlerContext,
  caseRef: string,
  values: FormValues,
): Promise<ActionOutcome> {
  const checked = await checkClosable(ctx, caseRef, 'rehab.close.check');
  if (!checked.ok) return { card: checked.card };
  const read = readClosure(ctx, caseRef, values);
  if (!read.ok) return { card: read.card };
  await closeCase(ctx, caseRef, read.closure, { action: 'rehab.write', purpose: 'follow_up' });
  const date = formatLongDate(read.closure.date, ctx.actor.locale);
  const text = `${closingText(ctx.actor.locale, 'closed', { date })}`;
  return { card: await rehabCardFor(ctx, caseRef, { notice: { text, tone: 'good' } }) };
}
