import { formatDate } from '../../domain/calendar';
import { JOBFORMIDLER_CLOSURE_REASONS } from '../../domain/case';
import { InvalidInputError } from '../../domain/errors';
import { caseText } from '../../i18n/case-common';
import { closingText } from '../../i18n/closing';
import { closeCase } from '../retention/close-case';
import { closeCaseConfirm, closeCaseForm } from '../../../cards/case/close-case-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { readCase } from '../case-work/case-access';
import { FormReader, inputErrorText, oldestAcceptedDate, type FormValues } from '../case-work/form-reader';
import { caseCardFor } from './open-case';

/**
 * "Afslut sag" on the case card: reason and date, then a confirmation, then retention's closeCase
 * (status CLOSED, every document stamped for deletion, audited as `case.close`) and the facts rebuild.
 * Every step asks the policy for `case.write` (the case's own jobformidler); a closed case stays closed.
 */

/** Reads reason and date; the date is real, not in the future, and at most a year back. */
function readClosure(ctx: HandlerContext, values: FormValues, today: string) {
  const label = (field: string): string => closingText(ctx.actor.locale, field === 'reason' ? 'reason' : 'date');
  const reader = new FormReader(values, label);
  const reason = reader.choice('reason', JOBFORMIDLER_CLOSURE_REASONS, { required: true });
  const date = reader.date('date', { required: true, notAfter: today, notBefore: oldestAcceptedDate(today) });
  if (reason === undefined || date === undefined) throw new InvalidInputError('error.required');
  return { reason, date };
}

type Checked =
  | { readonly ok: true; readonly closure: ReturnType<typeof readClosure> }
  | { readonly ok: false; readonly card: AdaptiveCard };

const closedAlready = (ctx: HandlerContext, caseRef: string): Promise<AdaptiveCard> =>
  caseCardFor(ctx, caseRef, { text: caseText(ctx.actor.locale, 'input.case_closed'), tone: 'attention' });

/**
 * Checks the case and what was typed (audited read); refused input comes back on the form with what
 * was typed, nothing written.
 */
async function check(ctx: HandlerContext, caseRef: string, values: FormValues, auditAction: string): Promise<Checked> {
  const checked = await readCase(
    ctx,
    caseRef,
    auditAction,
    async (scope): Promise<Checked | 'closed'> => {
      if (scope.caseDoc.status === 'CLOSED') return 'closed';
      try {
        return { ok: true, closure: readClosure(ctx, values, scope.today) };
      } catch (e) {
        if (!(e instanceof InvalidInputError)) throw e;
        const raw = (f: string): string | undefined => (typeof values[f] === 'string' ? String(values[f]) : undefined);
        const card = closeCaseForm({
          locale: ctx.actor.locale,
          caseRef,
          reason: raw('reason'),
          date: raw('date') ?? scope.today,
          error: inputErrorText(ctx.actor.locale, e),
        });
        return { ok: false, card };
      }
    },
    'case.write',
  );
  return checked === 'closed' ? { ok: false, card: await closedAlready(ctx, caseRef) } : checked;
}

export async function closeForm(ctx: HandlerContext, caseRef: string): Promise<ActionOutcome> {
  const card = await readCase(
    ctx,
    caseRef,
    'case.close.open',
    async (scope) =>
      scope.caseDoc.status === 'CLOSED'
        ? undefined
        : closeCaseForm({ locale: ctx.actor.locale, caseRef, date: scope.today }),
    'case.write',
  );
  return { card: card ?? (await closedAlready(ctx, caseRef)) };
}

export async function reviewClose(ctx: HandlerContext, caseRef: string, values: FormValues): Promise<ActionOutcome> {
  const checked = await check(ctx, caseRef, values, 'case.close.review');
  if (!checked.ok) return { card: checked.card };
  return { card: closeCaseConfirm({ locale: ctx.actor.locale, caseRef, ...checked.closure }) };
}

/** The confirmation carries reason and date; they are checked again, as card data may be stale or forged. */
export async function confirmClose(ctx: HandlerContext, caseRef: string, values: FormValues): Promise<ActionOutcome> {
  const checked = await check(ctx, caseRef, values, 'case.close.check');
  if (!checked.ok) return { card: checked.card };
  // Retention's closeCase rebuilds the facts (status, closure) before it stamps every document.
  await closeCase(ctx, caseRef, checked.closure);
  const date = formatDate(checked.closure.date, ctx.actor.locale);
  const notice = { text: closingText(ctx.actor.locale, 'closed', { date }), tone: 'good' as const };
  return { card: await caseCardFor(ctx, caseRef, notice), refreshFor: 'everyone' };
}
