import type { FollowUpStatus } from '../../domain/follow-up-cadence';
import { localized, type IndicatorSet } from '../../domain/indicator-set';
import type { JobGoal } from '../../domain/job-goals';
import { entryOf, type AgreementDoc, type ChecklistKey } from '../../domain/work-agreement';
import { copiesText as t } from '../../i18n/copies';
import type { Locale } from '../../i18n/locale';
import type { ProgressionMeasurementDoc } from '../../store/progression-repository';
import type { PdfBlock } from '../../../cards/pdf/tagged-pdf';

/**
 * What the citizen's and the employer's copies say, as pure functions of the case's documents.
 *
 * Left out on purpose, always: the CPR number (never stored), the screening and its answers (art. 9,
 * not in these inputs at all), notes written by staff (measurement notes, follow-up notes, HKO notes),
 * the ratio check and benefit items. The employer's copy holds only the agreement items a company
 * needs, and of the citizen's needs only the DISCLOSURE item, and only when it was agreed with the
 * citizen (seed 001: the agreement gives clear expectations between citizen, company and jobcentre).
 */
export const CITIZEN_ITEMS: readonly ChecklistKey[] = [
  'TASKS',
  'WORKING_HOURS',
  'WEEKLY_SCHEDULE',
  'ORDINARY_HOURS_FROM_START',
  'ORDINARY_HOURS_PLAN',
  'MILESTONES',
  'START_AND_DURATION',
  'ABSENCE_PROCEDURE',
  'ACCOMMODATIONS',
  'DISCLOSURE',
  'PRACTICALITIES',
];

export const EMPLOYER_ITEMS: readonly ChecklistKey[] = [
  'TASKS',
  'WORKING_HOURS',
  'WEEKLY_SCHEDULE',
  'ORDINARY_HOURS_FROM_START',
  'ORDINARY_HOURS_PLAN',
  'WAGE_TERMS',
  'MILESTONES',
  'START_AND_DURATION',
  'ABSENCE_PROCEDURE',
  'PRACTICALITIES',
];

type ItemKey =
  | 'TASKS'
  | 'WORKING_HOURS'
  | 'WEEKLY_SCHEDULE'
  | 'ORDINARY_HOURS_FROM_START'
  | 'ORDINARY_HOURS_PLAN'
  | 'WAGE_TERMS'
  | 'MILESTONES'
  | 'START_AND_DURATION'
  | 'ABSENCE_PROCEDURE'
  | 'PRACTICALITIES'
  | 'ACCOMMODATIONS'
  | 'DISCLOSURE';

const HOURS_ITEMS: readonly ChecklistKey[] = ['WORKING_HOURS', 'ORDINARY_HOURS_FROM_START'];

export const formatDate = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

/** The agreed items as label/value rows; items not discussed are left out, "not relevant" says why. */
function agreementRows(agreement: AgreementDoc, keys: readonly ChecklistKey[], locale: Locale): [string, string][] {
  const rows: [string, string][] = [];
  for (const key of keys) {
    const entry = entryOf(agreement.checklist, key);
    const value = (entry.value ?? '').trim();
    const label = t(locale, `item.${key as ItemKey}`);
    if (entry.status === 'AGREED' && value !== '')
      rows.push([label, HOURS_ITEMS.includes(key) ? t(locale, 'hours.value', { hours: value }) : value]);
    else if (entry.status === 'NOT_RELEVANT' && value !== '')
      rows.push([label, t(locale, 'item.not_relevant', { reason: value })]);
  }
  return rows;
}

function contactRows(
  agreement: AgreementDoc | undefined,
  jobformidlerName: string | undefined,
  locale: Locale,
): [string, string][] {
  const rows: [string, string][] = [];
  if (jobformidlerName !== undefined) rows.push([t(locale, 'contacts.jobformidler'), jobformidlerName]);
  if (agreement !== undefined) {
    const contact = entryOf(agreement.checklist, 'COMPANY_CONTACT');
    const name =
      contact.status === 'AGREED' && (contact.value ?? '').trim() !== ''
        ? (contact.value ?? '').trim()
        : agreement.company.contactName;
    rows.push([t(locale, 'contacts.company'), `${name}, ${agreement.company.name}`]);
    const mentor = entryOf(agreement.checklist, 'MENTOR');
    if (mentor.status === 'AGREED' && (mentor.value ?? '').trim() !== '')
      rows.push([t(locale, 'contacts.mentor'), (mentor.value ?? '').trim()]);
  }
  return rows;
}

function followUpBlocks(
  agreement: AgreementDoc | undefined,
  followUp: FollowUpStatus | undefined,
  locale: Locale,
): PdfBlock[] {
  const rows: [string, string][] = [];
  const plan = agreement ? entryOf(agreement.checklist, 'FOLLOW_UP_PLAN') : undefined;
  if (plan?.status === 'AGREED' && (plan.value ?? '').trim() !== '')
    rows.push([t(locale, 'followup.plan'), (plan.value ?? '').trim()]);
  if (followUp !== undefined) rows.push([t(locale, 'followup.next'), formatDate(followUp.dueDate, locale)]);
  return rows.length > 0
    ? [
        { kind: 'h2', text: t(locale, 'followup.title') },
        { kind: 'facts', rows },
      ]
    : [];
}

function goalBlocks(goals: readonly JobGoal[], locale: Locale): PdfBlock[] {
  const active = goals.filter((g) => g.status === 'ACTIVE').sort((a, b) => (a.level < b.level ? -1 : 1));
  const blocks: PdfBlock[] = [{ kind: 'h2', text: t(locale, 'goals.title') }];
  if (active.length === 0) return [...blocks, { kind: 'p', text: t(locale, 'goals.none') }];
  for (const goal of active) {
    blocks.push({ kind: 'facts', rows: [[t(locale, `goals.${goal.level}`), goal.title]] });
    if (goal.actions.length > 0) {
      blocks.push({ kind: 'p', text: t(locale, 'goals.steps'), subtle: true });
      blocks.push({ kind: 'list', items: goal.actions });
    }
  }
  return blocks;
}

/**
 * The before/now picture for the citizen: the first and the latest completed measurement on the same
 * indicator-set version, in the citizen's own scores where the citizen gave them (issue 16 B.4), and
 * otherwise the scores agreed in the conversation.
 */
export function progressionBlocks(
  measurements: readonly ProgressionMeasurementDoc[],
  setOf: (m: ProgressionMeasurementDoc) => IndicatorSet | undefined,
  locale: Locale,
): PdfBlock[] {
  const head: PdfBlock = { kind: 'h2', text: t(locale, 'progress.title') };
  const completed = measurements
    .filter((m) => m.status === 'COMPLETED')
    .sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : 1));
  const latest = completed.at(-1);
  if (latest === undefined) return [head, { kind: 'p', text: t(locale, 'progress.none') }];
  const set = setOf(latest);
  const sameVersion = completed.filter(
    (m) => m.indicatorSetId === latest.indicatorSetId && m.indicatorSetVersion === latest.indicatorSetVersion,
  );
  const first = sameVersion[0];
  if (set === undefined || first === undefined || first === latest)
    return [head, { kind: 'p', text: t(locale, 'progress.only_one', { date: formatDate(latest.measuredAt, locale) }) }];
  const own = set.indicators.some(
    (i) =>
      first.scores.find((s) => s.indicatorId === i.indicatorId)?.citizenValue !== undefined &&
      latest.scores.find((s) => s.indicatorId === i.indicatorId)?.citizenValue !== undefined,
  );
  const scoreOf = (m: ProgressionMeasurementDoc, id: string): number | undefined => {
    const s = m.scores.find((x) => x.indicatorId === id);
    return own ? s?.citizenValue : s?.value;
  };
  const max = set.scale === '1-5' ? 5 : 10;
  const rows = set.indicators.map((i) => ({
    label: localized(i.citizenText ?? { da: i.name.da, en: i.name.en }, locale),
    before: scoreOf(first, i.indicatorId),
    now: scoreOf(latest, i.indicatorId),
  }));
  const missing = t(locale, 'progress.missing');
  return [
    head,
    {
      kind: 'p',
      text: t(locale, 'progress.intro', {
        before: formatDate(first.measuredAt, locale),
        now: formatDate(latest.measuredAt, locale),
        max,
      }),
    },
    { kind: 'p', text: t(locale, own ? 'progress.own' : 'progress.joint'), subtle: true },
    {
      kind: 'bars',
      max,
      legend: { before: t(locale, 'progress.before'), now: t(locale, 'progress.now') },
      alt: rows
        .map((r) =>
          t(locale, 'progress.alt_row', {
            name: r.label,
            before: r.before ?? missing,
            now: r.now ?? missing,
          }),
        )
        .join(' '),
      rows,
    },
  ];
}

export interface CitizenCopyInput {
  readonly locale: Locale;
  readonly today: string;
  readonly goals: readonly JobGoal[];
  readonly agreement?: AgreementDoc | undefined;
  readonly jobformidlerName?: string | undefined;
  readonly followUp?: FollowUpStatus | undefined;
  readonly progression: PdfBlock[];
}

export function citizenCopyBlocks(input: CitizenCopyInput): PdfBlock[] {
  const { locale, agreement } = input;
  return [
    { kind: 'h1', text: t(locale, 'citizen.title') },
    { kind: 'p', text: t(locale, 'citizen.made', { date: formatDate(input.today, locale) }), subtle: true },
    { kind: 'p', text: t(locale, 'citizen.intro') },
    ...goalBlocks(input.goals, locale),
    ...(agreement === undefined
      ? [
          { kind: 'h2', text: t(locale, 'agreement.title', { company: '' }).trim() } as const,
          { kind: 'p', text: t(locale, 'agreement.none') } as const,
        ]
      : [
          { kind: 'h2', text: t(locale, 'agreement.title', { company: agreement.company.name }) } as const,
          { kind: 'facts', rows: agreementRows(agreement, CITIZEN_ITEMS, locale) } as const,
        ]),
    { kind: 'h2', text: t(locale, 'contacts.title') },
    { kind: 'facts', rows: contactRows(agreement, input.jobformidlerName, locale) },
    ...followUpBlocks(agreement, input.followUp, locale),
    ...input.progression,
    { kind: 'p', text: t(locale, 'footer'), subtle: true },
  ];
}

export function employerCopyBlocks(input: {
  readonly locale: Locale;
  readonly today: string;
  readonly agreement: AgreementDoc;
  readonly jobformidlerName?: string | undefined;
  readonly followUp?: FollowUpStatus | undefined;
}): PdfBlock[] {
  const { locale, agreement } = input;
  const disclosure = entryOf(agreement.checklist, 'DISCLOSURE');
  const disclosed = disclosure.status === 'AGREED' ? (disclosure.value ?? '').trim() : '';
  return [
    { kind: 'h1', text: t(locale, 'employer.title', { company: agreement.company.name }) },
    { kind: 'p', text: t(locale, 'citizen.made', { date: formatDate(input.today, locale) }), subtle: true },
    { kind: 'p', text: t(locale, 'employer.intro') },
    { kind: 'facts', rows: agreementRows(agreement, EMPLOYER_ITEMS, locale) },
    { kind: 'h2', text: t(locale, 'contacts.title') },
    { kind: 'facts', rows: contactRows(agreement, input.jobformidlerName, locale) },
    ...followUpBlocks(agreement, input.followUp, locale),
    { kind: 'h2', text: t(locale, 'employer.disclosure.title') },
    { kind: 'p', text: disclosed !== '' ? disclosed : t(locale, 'employer.disclosure.none') },
    { kind: 'p', text: t(locale, 'footer'), subtle: true },
  ];
}
