import type { Locale } from '../../bot/i18n/locale';
import { privacyText as t } from '../../bot/i18n/privacy';
import { ERASURE_REASONS } from '../../bot/features/privacy/rules';
import { adaptiveCard, errorText, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { exportJsonPath } from './paths';

/** The largest JSON shown in a chat card; larger exports are fetched from the admin API. */
export const EXPORT_CARD_MAX_JSON_CHARS = 18_000;

interface Counts {
  readonly cases: number;
  readonly sensitive: number;
}

export function exportConfirmCard(input: {
  locale: Locale;
  tenantId: string;
  caseRef: string;
  counts: Counts;
}): AdaptiveCard {
  const { locale, caseRef } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'export.title', { caseRef })),
      text(t(locale, 'export.intro')),
      text(t(locale, 'export.counts', { ...input.counts })),
      note(t(locale, 'export.art9', { path: exportJsonPath(input.tenantId, caseRef) })),
    ],
    [
      executeAction(t(locale, 'export.confirm'), 'privacy.export.confirm', { caseRef }, { style: 'positive' }),
      executeAction(t(locale, 'cancel'), 'privacy.cancel', {}, { associatedInputs: 'none' }),
    ],
  );
}

/** The chat export: the case's non-art. 9 documents and its access log as JSON to copy. */
export function exportResultCard(input: {
  locale: Locale;
  tenantId: string;
  caseRef: string;
  json: string;
  /** The export is delivered as a file after this card (issue 13 item 8), so the card only says so. */
  fileFollows?: boolean;
}): AdaptiveCard {
  const { locale, caseRef } = input;
  const path = exportJsonPath(input.tenantId, caseRef);
  return adaptiveCard([
    heading(t(locale, 'export.done', { caseRef })),
    input.fileFollows === true
      ? text(t(locale, 'export.file_follows'))
      : input.json.length <= EXPORT_CARD_MAX_JSON_CHARS
        ? {
            type: 'Input.Text',
            id: 'json',
            label: t(locale, 'export.json.label'),
            isMultiline: true,
            value: input.json,
          }
        : text(t(locale, 'export.too_large', { path })),
    note(t(locale, 'export.art9', { path })),
  ]);
}

export function eraseConfirmCard(input: {
  locale: Locale;
  caseRef: string;
  counts: Counts;
  error?: string;
}): AdaptiveCard {
  const { locale, caseRef } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'erase.title', { caseRef })),
      ...(input.error ? [errorText(input.error)] : []),
      text(t(locale, 'erase.intro', { ...input.counts })),
      note(t(locale, 'erase.law')),
      {
        type: 'Input.ChoiceSet',
        id: 'reason',
        label: t(locale, 'erase.reason_label'),
        isRequired: true,
        errorMessage: t(locale, 'erase.reason_label'),
        style: 'expanded',
        choices: ERASURE_REASONS.map((r) => ({ title: t(locale, `erase.reason.${r}`), value: r })),
      },
      {
        type: 'Input.Text',
        id: 'confirmRef',
        label: t(locale, 'erase.confirm_label', { caseRef }),
        isRequired: true,
        errorMessage: t(locale, 'erase.confirm_label', { caseRef }),
        maxLength: 64,
      },
    ],
    [
      executeAction(t(locale, 'erase.button'), 'privacy.erase.confirm', { caseRef }, { style: 'destructive' }),
      executeAction(t(locale, 'cancel'), 'privacy.cancel', {}, { associatedInputs: 'none' }),
    ],
  );
}
