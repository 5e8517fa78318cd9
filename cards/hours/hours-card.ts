import type { Locale } from '../../bot/i18n/locale';
import { hoursText as t } from '../../bot/i18n/hours';
import { caseCardText } from '../../bot/i18n/case';
import { common } from '../../bot/i18n/common';
import { ABSENCE_REASONS, HOURS_SOURCES } from '../../bot/domain/weekly-hours';
import { formatDate, isoWeekEnd, isoWeekNumber, isoWeekStart } from '../../bot/domain/calendar';
import { adaptiveCard, container, subheading } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputNumber, type FormDraft } from '../case/form-elements';
import { hoursTable, type HoursPoint } from '../case/hours-chart';

/** "03.03": day and month are enough to recognise a week. */
const short = (isoDate: string): string => formatDate(isoDate, 'da').slice(0, 5);

/**
 * The quick card to log a week: ordinary hours, practice hours, absence and source. The recent
 * weeks are shown below it, so a correction is visibly a correction.
 */
export function hoursCard(input: {
  locale: Locale;
  caseRef: string;
  weeks: readonly string[];
  logged: ReadonlyMap<string, number>;
  recent: readonly HoursPoint[];
  draft: FormDraft;
  submissionId: string;
  notice?: string | undefined;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  const weekChoices = input.weeks.map((w) => {
    const logged = input.logged.get(w);
    const label = t(locale, 'week.option', {
      week: isoWeekNumber(w),
      from: short(isoWeekStart(w)),
      to: short(isoWeekEnd(w)),
    });
    return {
      title: logged === undefined ? label : `${label} – ${t(locale, 'week.logged', { hours: logged })}`,
      value: w,
    };
  });
  return adaptiveCard(
    formBody({
      title: t(locale, 'form.title', { caseRef: input.caseRef }),
      intro: t(locale, 'form.intro'),
      error: input.error,
      notice: input.notice,
      fields: [
        choiceSet('isoWeek', t(locale, 'field.isoWeek'), weekChoices, draft.isoWeek, { required: true }),
        inputNumber('ordinaryHours', t(locale, 'field.ordinaryHours'), draft.ordinaryHours, '0'),
        inputNumber('practiceHours', t(locale, 'field.practiceHours'), draft.practiceHours, '0'),
        inputNumber('absenceHours', t(locale, 'field.absenceHours'), draft.absenceHours, '0'),
        choiceSet(
          'absenceReason',
          t(locale, 'field.absenceReason'),
          ABSENCE_REASONS.map((r) => ({ title: t(locale, `absence.${r}`), value: r })),
          draft.absenceReason,
        ),
        choiceSet(
          'source',
          t(locale, 'field.source'),
          HOURS_SOURCES.map((s) => ({ title: t(locale, `source.${s}`), value: s })),
          draft.source ?? 'PAYSLIP',
          { required: true },
        ),
        ...(input.recent.length > 0
          ? [
              container([subheading(caseCardText(locale, 'hours.title')), hoursTable(locale, input.recent)], {
                separator: true,
              }),
            ]
          : []),
      ],
      save: {
        title: t(locale, 'form.save'),
        verb: 'hours.save',
        data: { caseRef: input.caseRef, submissionId: input.submissionId, etag: '' },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
