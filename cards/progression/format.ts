import { DateTime } from 'luxon';
import type { Locale } from '../../bot/i18n/locale';
import { progressionText as t } from '../../bot/i18n/progression';
import type { MeasurementContext, Participant } from '../../bot/domain/progression';
import type { IndicatorSet } from '../../bot/domain/indicator-set';

/** Shared wording of the progression cards: dates, set names, contexts, participants. */
export const formatDate = (isoDate: string, locale: Locale): string =>
  DateTime.fromISO(isoDate, { zone: 'utc' })
    .setLocale(locale === 'en' ? 'en-GB' : 'da')
    .toFormat(locale === 'en' ? 'd LLL yyyy' : 'd. LLL yyyy');

export const setLabel = (set: Pick<IndicatorSet, 'name' | 'version'>, locale: Locale): string =>
  `${set.name[locale]} v${set.version}`;

export const contextLabel = (context: MeasurementContext, locale: Locale): string => t(locale, `context.${context}`);

export const participantsLabel = (participants: readonly Participant[], locale: Locale): string =>
  participants.map((p) => t(locale, `participant.${p}`)).join(', ');

/** "●●●●○○○○○○": a score as filled dots, readable without knowing the scale. */
export const dots = (value: number, max: number): string => '●'.repeat(value) + '○'.repeat(Math.max(0, max - value));
