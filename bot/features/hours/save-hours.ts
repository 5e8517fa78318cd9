import { randomUUID } from 'node:crypto';
import {
  addDays,
  isoWeekEnd,
  isoWeekNumber,
  isoWeekOf,
  isoWeekStart,
  isoWeeksEndingAt,
  previousIsoWeek,
} from '../../domain/calendar';
import { ConflictError } from '../../domain/errors';
import { activePlacementsOn } from '../../domain/placement';
import type { HoursValues, WeeklyHoursDoc } from '../../domain/weekly-hours';
import { hoursText } from '../../i18n/hours';
import { WeeklyHoursRepository } from '../../store/weekly-hours-repository';
import { hoursCard } from '../../../cards/hours/hours-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { readCase } from '../case-work/case-access';
import { changeCaseWork } from '../case-work/change-case-work';
import { catalogueFieldLabel } from '../case-work/field-label';
import { changedBy, newCaseWorkDoc } from '../case-work/doc-stamp';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { FORM_WEEKS, readWeek, sameHours } from './rules';

type HoursSubmission = { caseRef: string; submissionId: string; etag: string } & FormValues;

const hoursOf = (d: WeeklyHoursDoc): HoursValues => ({
  ordinaryHours: d.ordinaryHours,
  practiceHours: d.practiceHours,
  absenceHours: d.absenceHours,
  ...(d.absenceReason !== undefined ? { absenceReason: d.absenceReason } : {}),
  source: d.source,
});

const draftOfHours = (isoWeek: string, d: WeeklyHoursDoc | undefined): Record<string, string> => ({
  isoWeek,
  ...(d === undefined
    ? {}
    : {
        ordinaryHours: String(d.ordinaryHours),
        practiceHours: String(d.practiceHours),
        absenceHours: String(d.absenceHours),
        ...(d.absenceReason ? { absenceReason: d.absenceReason } : {}),
        source: d.source,
      }),
});

const label = (ctx: HandlerContext): ((field: string) => string) => catalogueFieldLabel(hoursText, ctx.actor.locale);

type HoursFormOptions = {
  isoWeek?: string;
  notice?: string;
  error?: string;
  draft?: Record<string, string>;
  submissionId?: string;
};

/** The form's weeks, newest first, and the first of them (the oldest the form offers). */
function formWeeks(today: string): { weeks: string[]; since: string } {
  const weeks = isoWeeksEndingAt(today, FORM_WEEKS).reverse();
  return { weeks, since: weeks[weeks.length - 1] ?? isoWeekOf(today) };
}

/** The hours card drawn from the case's stored weeks (those of the form's weeks, oldest first). */
function hoursCardOf(
  ctx: HandlerContext,
  caseRef: string,
  today: string,
  logged: readonly WeeklyHoursDoc[],
  options: HoursFormOptions,
): AdaptiveCard {
  const { weeks, since } = formWeeks(today);
  const stored = logged.filter((d) => d.isoWeek >= since).sort((a, b) => (a.isoWeek < b.isoWeek ? -1 : 1));
  const isoWeek = options.isoWeek ?? previousIsoWeek(today);
  return hoursCard({
    locale: ctx.actor.locale,
    caseRef,
    weeks,
    logged: new Map(stored.map((d) => [d.isoWeek, d.ordinaryHours])),
    recent: stored.map((d) => ({
      isoWeek: d.isoWeek,
      ordinaryHours: d.ordinaryHours,
      practiceHours: d.practiceHours,
    })),
    draft:
      options.draft ??
      draftOfHours(
        isoWeek,
        stored.find((d) => d.isoWeek === isoWeek),
      ),
    submissionId: options.submissionId ?? randomUUID(),
    notice: options.notice,
    error: options.error,
  });
}

/** The quick hours card for `isoWeek` (default: last week), with the week's stored values if any. */
export function hoursForm(ctx: HandlerContext, caseRef: string, options: HoursFormOptions = {}): Promise<AdaptiveCard> {
  return readCase(
    ctx,
    caseRef,
    'hours.read',
    async ({ today }) => {
      const stored = await new WeeklyHoursRepository(ctx.services.store).listSince(
        ctx.actor.tenantId,
        caseRef,
        formWeeks(today).since,
      );
      return hoursCardOf(ctx, caseRef, today, stored, options);
    },
    'case.write',
  );
}

/**
 * Logs or corrects one week. The document's id is the week, so a second entry for a week is a
 * correction (the earlier values are kept with it), never a duplicate; a repeated click or the same
 * numbers again change nothing.
 */
export function saveHours(ctx: HandlerContext, data: HoursSubmission, refusal?: InputRefusal): Promise<ActionOutcome> {
  const { locale, userId } = ctx.actor;
  return answerForm(ctx, {
    refusal,
    label: label(ctx),
    catalogue: hoursText,
    invalid: (message) =>
      hoursForm(ctx, data.caseRef, { error: message, draft: draftOf(data), submissionId: data.submissionId }),
    conflict: async (message) => ({
      card: await hoursForm(ctx, data.caseRef, { error: message, isoWeek: String(data.isoWeek ?? '') || undefined }),
    }),
    save: async () => {
      const { result: outcome, scope } = await changeCaseWork(
        ctx,
        data.caseRef,
        'hours.write',
        async ({ today }, writer) => {
          const { isoWeek, values } = readWeek(new FormReader(data, label(ctx)), today);
          const repository = new WeeklyHoursRepository(ctx.services.store);
          const { current, reread } = writer.target(repository, isoWeek);
          const week = isoWeekNumber(isoWeek);
          // Only the same numbers are a repeat: the same card saved again with other numbers (a second
          // person on a shared card, or a second thought) is a correction, never silently dropped.
          if (current !== undefined && sameHours(hoursOf(current), values))
            return { isoWeek, notice: hoursText(locale, 'unchanged', { week }) };
          const placements = writer.work.placements;
          const placement =
            activePlacementsOn(placements, isoWeekEnd(isoWeek))[0] ??
            activePlacementsOn(placements, isoWeekStart(isoWeek))[0];
          const doc: WeeklyHoursDoc = {
            ...(current ?? {
              ...newCaseWorkDoc(ctx, data.caseRef, 'weekly_hours', 'hours', isoWeek),
              isoWeek,
              corrections: [],
            }),
            ...values,
            absenceReason: values.absenceReason,
            placementId: placement?.placementId,
            corrections:
              current === undefined
                ? []
                : [...current.corrections, { at: ctx.now.toISOString(), by: userId, previous: hoursOf(current) }].slice(
                    -10,
                  ),
            lastSubmissionId: data.submissionId,
            ...changedBy(ctx),
          };
          try {
            // (The stored version's ETag spread into `doc` is dropped by the schema on the way in.)
            await writer.write(doc, current?._etag);
          } catch (e) {
            // The same click arriving twice at once: the copy that lost finds its own submission stored.
            const now = e instanceof ConflictError ? await reread() : undefined;
            if (now === undefined || now.lastSubmissionId !== data.submissionId || !sameHours(hoursOf(now), values))
              throw e;
          }
          const hours = String(values.ordinaryHours).replace('.', ',');
          return {
            isoWeek,
            notice:
              current === undefined
                ? hoursText(locale, 'saved', { week, hours })
                : hoursText(locale, 'corrected', {
                    week,
                    hours,
                    before: String(current.ordinaryHours).replace('.', ','),
                  }),
          };
        },
      );
      // Suggest the following week next, so several weeks are logged in a row. The card is drawn
      // from the weeks the save read and wrote: no second read of the case.
      const following = isoWeekOf(addDays(isoWeekStart(outcome.isoWeek), 7));
      const next = following <= isoWeekOf(scope.today) ? following : outcome.isoWeek;
      const card = hoursCardOf(ctx, data.caseRef, scope.today, scope.work.hours, {
        isoWeek: next,
        notice: outcome.notice,
      });
      return { card, refreshFor: 'everyone' };
    },
  });
}
