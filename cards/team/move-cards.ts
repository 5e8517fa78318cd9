import type { Locale } from '../../bot/i18n/locale';
import { teamText as t } from '../../bot/i18n/team';
import { caseloadText } from '../../bot/i18n/caseload';
import { formatLongDate } from '../../bot/domain/calendar';
import { REASSIGNMENT_REASONS, type ReassignmentReason } from '../../bot/domain/case';
import { adaptiveCard, executeAction, facts, goodText, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { choiceSet, formBody, inputDate } from '../case/form-elements';

export interface Colleague {
  readonly userId: string;
  readonly displayName: string;
}

const reasons = (locale: Locale) => REASSIGNMENT_REASONS.map((r) => ({ title: t(locale, `reason.${r}`), value: r }));
const people = (list: readonly Colleague[]) =>
  list.slice(0, 100).map((c) => ({ title: c.displayName, value: c.userId }));

/** The leader moves one case, or several of one jobformidler's cases (`cases` given), to a colleague of the team. */
export function moveForm(input: {
  locale: Locale;
  caseRef?: string | undefined;
  from?: Colleague | undefined;
  cases?: readonly string[] | undefined;
  targets: readonly Colleague[];
  today: string;
  draft?: Readonly<Record<string, string | undefined>> | undefined;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  const bulk = input.cases !== undefined;
  const title = bulk
    ? t(locale, 'move.bulk_title', { name: input.from?.displayName ?? '' })
    : t(locale, 'move.title', { caseRef: input.caseRef ?? '' });
  if (input.targets.length === 0) return adaptiveCard([heading(title), text(t(locale, 'move.no_target'))]);
  const fields: JsonObject[] = [
    ...(bulk
      ? [
          choiceSet(
            'caseRefs',
            t(locale, 'move.cases'),
            (input.cases ?? []).map((c) => ({ title: c, value: c })),
            draft?.caseRefs,
            { multi: true, expanded: true, required: true },
          ),
        ]
      : []),
    choiceSet('toUserId', t(locale, 'move.to'), people(input.targets), draft?.toUserId, { required: true }),
    choiceSet('reason', t(locale, 'move.reason'), reasons(locale), draft?.reason, { required: true }),
    inputDate('date', t(locale, 'move.date'), draft?.date ?? input.today, true),
  ];
  return adaptiveCard(
    formBody({
      title,
      intro: t(locale, 'move.intro'),
      error: input.error,
      fields,
      save: bulk
        ? { title: t(locale, 'move.save'), verb: 'reassign.bulk.save', data: { fromUserId: input.from?.userId ?? '' } }
        : { title: t(locale, 'move.save'), verb: 'reassign.save', data: { caseRef: input.caseRef ?? '' } },
      back: { title: t(locale, 'move.cancel'), verb: 'sparring.team', data: {} },
    }),
  );
}

/** What the leader reads after moving: how many moved, to whom, and whether the colleague was told. */
export function moveDoneCard(input: {
  locale: Locale;
  moved: readonly string[];
  skipped: number;
  toName: string;
  date: string;
  told: boolean;
}): AdaptiveCard {
  const { locale } = input;
  const date = formatLongDate(input.date, locale);
  const body: JsonObject[] = [
    heading(
      input.moved.length === 1
        ? t(locale, 'move.done_one', { caseRef: input.moved[0] ?? '', name: input.toName, date })
        : t(locale, 'move.done', { count: input.moved.length, name: input.toName, date }),
    ),
  ];
  if (input.moved.length > 0)
    body.push(
      input.told
        ? goodText(t(locale, 'move.told', { name: input.toName }))
        : text(t(locale, 'move.not_told', { name: input.toName }), { color: 'Attention', weight: 'Bolder' }),
    );
  if (input.skipped > 0) body.push(note(t(locale, 'move.skipped', { count: input.skipped })));
  return adaptiveCard(body, [executeAction(t(locale, 'team.title'), 'sparring.team')]);
}

/** The 1:1 message to the new jobformidler: which cases are theirs now, why, and from when. */
export function movedCardForReceiver(
  locale: Locale,
  input: { caseRefs: readonly string[]; reason: ReassignmentReason; date: string; byName: string },
): AdaptiveCard {
  const date = formatLongDate(input.date, locale);
  const first = input.caseRefs[0] ?? '';
  return adaptiveCard(
    [
      heading(
        input.caseRefs.length === 1
          ? t(locale, 'moved.title_one', { caseRef: first, date })
          : t(locale, 'moved.title', { count: input.caseRefs.length, date }),
      ),
      facts([
        [t(locale, 'move.cases'), input.caseRefs.slice(0, 20).join(', ')],
        [t(locale, 'move.reason'), t(locale, `reason.${input.reason}`)],
        [t(locale, 'move.date'), date],
        ...(input.byName ? [[t(locale, 'moved.by'), input.byName] as const] : []),
      ]),
      note(t(locale, 'moved.quiet')),
    ],
    [
      ...(input.caseRefs.length === 1
        ? [executeAction(caseloadText(locale, 'open'), 'case.open', { caseRef: first }, { style: 'positive' })]
        : []),
      executeAction(caseloadText(locale, 'title'), 'caseload.open'),
    ],
  );
}

/** The 1:1 question to the colleague a jobformidler wants to hand a case to. */
export function transferAskCard(
  locale: Locale,
  input: { caseRef: string; fromName: string; reason: ReassignmentReason; requestedAt: string },
): AdaptiveCard {
  const data = { caseRef: input.caseRef, requestedAt: input.requestedAt };
  return adaptiveCard(
    [
      heading(t(locale, 'transfer.ask_title', { caseRef: input.caseRef })),
      text(t(locale, 'transfer.ask_body', { from: input.fromName, reason: t(locale, `reason.${input.reason}`) })),
      note(t(locale, 'moved.quiet')),
    ],
    [
      executeAction(t(locale, 'transfer.accept'), 'transfer.accept', data, { style: 'positive' }),
      executeAction(t(locale, 'transfer.decline'), 'transfer.decline', data),
    ],
  );
}

/** The answer, told 1:1 to the jobformidler who asked. */
export function transferAnswerCard(
  locale: Locale,
  input: { caseRef: string; name: string; accepted: boolean },
): AdaptiveCard {
  return adaptiveCard([
    text(
      t(locale, input.accepted ? 'transfer.told_accepted' : 'transfer.told_declined', {
        name: input.name,
        caseRef: input.caseRef,
      }),
      { weight: 'Bolder' },
    ),
  ]);
}

/** The jobformidler proposes a colleague to take the case over. */
export function transferForm(input: {
  locale: Locale;
  caseRef: string;
  targets: readonly Colleague[];
  draft?: Readonly<Record<string, string | undefined>> | undefined;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale } = input;
  if (input.targets.length === 0)
    return adaptiveCard([
      heading(t(locale, 'transfer.title', { caseRef: input.caseRef })),
      text(t(locale, 'move.no_target')),
    ]);
  return adaptiveCard(
    formBody({
      title: t(locale, 'transfer.title', { caseRef: input.caseRef }),
      intro: t(locale, 'transfer.intro'),
      error: input.error,
      fields: [
        choiceSet('toUserId', t(locale, 'move.to'), people(input.targets), input.draft?.toUserId, { required: true }),
        choiceSet('reason', t(locale, 'move.reason'), reasons(locale), input.draft?.reason, { required: true }),
      ],
      save: { title: t(locale, 'transfer.send'), verb: 'transfer.request', data: { caseRef: input.caseRef } },
      back: { title: t(locale, 'move.cancel'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
