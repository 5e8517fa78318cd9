import type { Locale } from '../../bot/i18n/locale';
import { agreementText as t } from '../../bot/i18n/agreement';
import { caseText as v } from '../../bot/i18n/case-common';
import { PLACEMENT_TYPES } from '../../bot/domain/case';
import { formatDate } from '../../bot/domain/calendar';
import {
  CHECKLIST_ITEMS,
  CHECKLIST_STATUSES,
  CHECKLIST_VALUE_MAX,
  NOT_RELEVANT_WITH_REASON,
  type AgreementDoc,
  type ChecklistKey,
  type Completeness,
} from '../../bot/domain/work-agreement';
import {
  actionSet,
  adaptiveCard,
  columns,
  container,
  errorText,
  executeAction,
  facts,
  goodText,
  heading,
  note,
  subheading,
  text,
} from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { choiceSet, inputDate, inputText, type FormDraft } from '../case/form-elements';
import { reasonField, statusField, valueField } from '../../bot/features/agreement/rules';

/** Items whose value touches the citizen's impairment: a reminder to write the arrangement, not the diagnosis. */
const ART9_ADJACENT: readonly ChecklistKey[] = ['ACCOMMODATIONS', 'HKO_NEEDS', 'DISCLOSURE'];

export interface AgreementCardView {
  readonly locale: Locale;
  readonly caseRef: string;
  readonly agreement: AgreementDoc;
  readonly etag: string;
  /** The version the form was filled from (kept when a refused save is shown again). */
  readonly baseVersion: number;
  readonly submissionId: string;
  readonly completeness: Completeness;
  readonly canWrite: boolean;
  /** The form's current text: the stored agreement, or what the user typed when a save was refused. */
  readonly draft: FormDraft;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  /** The input a refused save was about: the error is shown beside it too (the card is long). */
  readonly errorField?: string | undefined;
  /** On a conflict: what this user tried to save, so no work is lost. */
  readonly unsaved?: readonly string[] | undefined;
}

/** The label of a checklist item or a company/date field, as revisions and conflict notices name them. */
export function fieldLabel(locale: Locale, key: string): string {
  if (key === 'placementType') return t(locale, 'field.placementType');
  const known = `key.${key}`;
  return (t.keys as readonly string[]).includes(known) ? t(locale, known as Parameters<typeof t>[1]) : key;
}

const statusChoices = (locale: Locale) => CHECKLIST_STATUSES.map((s) => ({ title: t(locale, `item.${s}`), value: s }));

/** The refusal again, right where it applies. */
const errorAt = (view: AgreementCardView, ...fields: string[]): JsonObject[] =>
  view.error !== undefined && view.errorField !== undefined && fields.includes(view.errorField)
    ? [errorText(view.error)]
    : [];

function itemEditor(view: AgreementCardView, item: (typeof CHECKLIST_ITEMS)[number]): JsonObject {
  const { locale, draft } = view;
  const label = `${item.critical ? '★ ' : ''}${t(locale, `key.${item.key}`)}`;
  // The placeholder names the item, so each value field can be told apart (screen readers, tests).
  const hint = `${t(locale, `key.${item.key}`)}: ${ART9_ADJACENT.includes(item.key) ? t(locale, 'art9_hint') : t(locale, `hint.${item.kind}`)}`;
  const fields = [statusField(item.key), valueField(item.key), reasonField(item.key)];
  const withReason = NOT_RELEVANT_WITH_REASON.includes(item.key);
  if (withReason || fields.includes(view.errorField ?? ''))
    return container(
      [
        row(view, item, label, hint),
        // "Ikke relevant" counts as settled only with a reason (the rule in work-agreement.ts).
        ...(withReason
          ? [
              inputText(reasonField(item.key), t(locale, 'field.not_relevant_reason'), draft[reasonField(item.key)], {
                maxLength: CHECKLIST_VALUE_MAX,
                placeholder: t(locale, 'hint.not_relevant_reason'),
              }),
            ]
          : []),
        ...errorAt(view, ...fields),
      ],
      { separator: true },
    );
  return { ...row(view, item, label, hint), separator: true };
}

function row(view: AgreementCardView, item: (typeof CHECKLIST_ITEMS)[number], label: string, hint: string): JsonObject {
  const { locale, draft } = view;
  return {
    ...columns([
      {
        width: '2',
        items: [
          choiceSet(
            statusField(item.key),
            label,
            statusChoices(locale),
            draft[statusField(item.key)] ?? 'NOT_DISCUSSED',
          ),
        ],
      },
      {
        width: '3',
        // No label of its own: the status choice beside it names the item (keeps the card under 28 KB).
        items: [
          inputText(`v_${item.key}`, '', draft[`v_${item.key}`], { maxLength: CHECKLIST_VALUE_MAX, placeholder: hint }),
        ],
      },
    ]),
  };
}

function itemReadOnly(view: AgreementCardView): JsonObject {
  const { locale, agreement } = view;
  return facts(
    CHECKLIST_ITEMS.map((item) => {
      const e = agreement.checklist.find((c) => c.key === item.key);
      const status = t(locale, `item.${e?.status ?? 'NOT_DISCUSSED'}`);
      return [
        `${item.critical ? '★ ' : ''}${t(locale, `key.${item.key}`)}`,
        e?.value ? `${status}: ${e.value}` : status,
      ];
    }),
  );
}

function completenessBlock(view: AgreementCardView): JsonObject[] {
  const { locale, completeness: c } = view;
  return [
    text(t(locale, 'status_line', { status: t(locale, `status.${view.agreement.status}`) }), { weight: 'Bolder' }),
    text(
      t(locale, 'completeness', {
        critical: c.criticalSettled,
        criticalTotal: c.criticalTotal,
        discussed: c.discussed,
        total: c.total,
      }),
      { color: c.complete ? 'Good' : 'Warning' },
    ),
    c.complete
      ? goodText(t(locale, 'complete'))
      : note(t(locale, 'missing', { items: c.missingCritical.map((k) => t(locale, `key.${k}`)).join(', ') })),
  ];
}

function revisionsBlock(view: AgreementCardView): JsonObject[] {
  const { locale } = view;
  const latest = view.agreement.revisions.slice(-3).reverse();
  if (latest.length === 0) return [];
  return [
    container(
      [
        subheading(t(locale, 'revisions')),
        ...latest.map((r) =>
          note(
            t(locale, 'revision.line', {
              date: formatDate(r.at.slice(0, 10), locale),
              changes: r.changes.map((c) => fieldLabel(locale, c.key)).join(', '),
            }) + (r.reason ? t(locale, 'revision.reason', { reason: r.reason }) : ''),
          ),
        ),
      ],
      { separator: true },
    ),
  ];
}

/** The work agreement as a checklist card with its completeness indicator, dates and revisions. */
export function agreementCard(view: AgreementCardView): AdaptiveCard {
  const { locale, draft, agreement } = view;
  const body: JsonObject[] = [
    heading(t(locale, 'title', { caseRef: view.caseRef })),
    ...(view.notice ? [view.unsaved || view.error ? errorText(view.notice) : goodText(view.notice)] : []),
    ...(view.error ? [errorText(view.error)] : []),
    ...(view.unsaved && view.unsaved.length > 0
      ? [
          container([text(t(locale, 'conflict.yours'), { weight: 'Bolder' }), note(view.unsaved.join('\n'))], {
            style: 'warning',
          }),
        ]
      : []),
    ...completenessBlock(view),
  ];
  if (!view.canWrite) {
    body.push(
      facts([
        [
          t(locale, 'company'),
          `${agreement.company.name} (CVR ${agreement.company.cvr}), ${agreement.company.contactName}`,
        ],
        [t(locale, 'field.placementType'), v(locale, `placementType.${agreement.placementType}`)],
        [t(locale, 'field.agreedAt'), agreement.agreedAt ? formatDate(agreement.agreedAt, locale) : v(locale, 'none')],
        [t(locale, 'field.signedAt'), agreement.signedAt ? formatDate(agreement.signedAt, locale) : v(locale, 'none')],
      ]),
      itemReadOnly(view),
      ...revisionsBlock(view),
    );
    return adaptiveCard(body, [executeAction(t(locale, 'back'), 'case.open', { caseRef: view.caseRef })]);
  }
  body.push(
    note(t(locale, 'intro')),
    container(
      [
        subheading(t(locale, 'company')),
        choiceSet(
          'placementType',
          t(locale, 'field.placementType'),
          PLACEMENT_TYPES.map((p) => ({ title: v(locale, `placementType.${p}`), value: p })),
          draft.placementType,
        ),
        ...errorAt(view, 'placementType'),
        inputText('cvr', t(locale, 'field.cvr'), draft.cvr, { maxLength: 20 }),
        ...errorAt(view, 'cvr'),
        inputText('companyName', t(locale, 'field.companyName'), draft.companyName, { maxLength: 120 }),
        ...errorAt(view, 'companyName'),
        inputText('contactName', t(locale, 'field.contactName'), draft.contactName, { maxLength: 120 }),
        ...errorAt(view, 'contactName'),
      ],
      { separator: true },
    ),
    container([subheading(t(locale, 'checklist')), ...CHECKLIST_ITEMS.map((item) => itemEditor(view, item))], {
      separator: true,
    }),
    container(
      [
        subheading(t(locale, 'dates')),
        inputDate('agreedAt', t(locale, 'field.agreedAt'), draft.agreedAt),
        ...errorAt(view, 'agreedAt'),
        inputDate('signedAt', t(locale, 'field.signedAt'), draft.signedAt),
        ...errorAt(view, 'signedAt'),
        inputText('reason', t(locale, 'field.reason'), undefined, { maxLength: 300 }),
      ],
      { separator: true },
    ),
    // A refused save is said again beside the buttons: the message at the top is out of sight here.
    ...(view.error ? [errorText(t(locale, 'not_saved', { error: view.error }))] : []),
    actionSet([
      executeAction(
        t(locale, 'save'),
        'agreement.save',
        {
          caseRef: view.caseRef,
          agreementId: agreement.agreementId,
          submissionId: view.submissionId,
          etag: view.etag,
          version: view.baseVersion,
        },
        { style: 'positive' },
      ),
      // A placement starts from a complete agreement only, and never from a card with unsaved changes.
      ...(view.completeness.complete && view.error === undefined && view.unsaved === undefined
        ? [
            executeAction(t(locale, 'start_placement'), 'placement.new', {
              caseRef: view.caseRef,
              agreementId: agreement.agreementId,
            }),
          ]
        : []),
      executeAction(t(locale, 'back'), 'case.open', { caseRef: view.caseRef }),
    ]),
    ...revisionsBlock(view),
  );
  return adaptiveCard(body);
}
