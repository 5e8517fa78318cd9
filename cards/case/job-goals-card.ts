import type { Locale } from '../../bot/i18n/locale';
import { caseCardText as t } from '../../bot/i18n/case';
import { common } from '../../bot/i18n/common';
import { JOB_GOAL_LEVELS } from '../../bot/domain/job-goals';
import { adaptiveCard, container, subheading } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { formBody, inputText, toggle, type FormDraft } from './form-elements';
import { goalFields } from '../../bot/features/case/rules';

/** Field names of the job goals form, per level (bot/features/case/rules.ts reads the form with them). */
export { goalFields };

/** The ABC job goals form: for each level the job, its actions (one per line) and "the citizen's own goal". */
export function jobGoalsCard(input: {
  locale: Locale;
  caseRef: string;
  draft: FormDraft;
  etag?: string | undefined;
  submissionId: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  const sections = JOB_GOAL_LEVELS.map((level) => {
    const f = goalFields(level);
    const levelName = t(locale, `goals.level.${level}`);
    return container(
      [
        subheading(levelName),
        inputText(f.title, t(locale, 'goals.form.job', { level }), draft[f.title], { maxLength: 120 }),
        inputText(f.actions, t(locale, 'goals.form.actions', { level }), draft[f.actions], {
          multiline: true,
          maxLength: 2000,
        }),
        toggle(f.own, t(locale, 'goals.form.own'), draft[f.own] === 'true'),
      ],
      { separator: true },
    );
  });
  return adaptiveCard(
    formBody({
      title: t(locale, 'goals.form.title', { caseRef: input.caseRef }),
      intro: t(locale, 'goals.form.intro'),
      error: input.error,
      fields: sections,
      save: {
        title: common(locale, 'action.save'),
        verb: 'case.goals.save',
        data: { caseRef: input.caseRef, submissionId: input.submissionId, etag: input.etag ?? '' },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
