import type { Locale } from '../../bot/i18n/locale';
import { adminText as t } from '../../bot/i18n/admin';
import { SETTINGS_FIELDS } from '../../bot/features/admin/settings-rules';
import type { TenantSettings } from '../../bot/domain/tenant-settings';
import { adaptiveCard, errorText, executeAction, goodText, heading, note } from '../common/elements';
import type { AdaptiveCard } from '../types';

/** The municipality's thresholds as a form, with the current values filled in. */
export function settingsCard(input: {
  locale: Locale;
  settings: TenantSettings;
  notice?: string;
  error?: string;
  /** What the admin typed, shown again after a refused save so nothing has to be typed twice. */
  typed?: Readonly<Record<string, unknown>>;
}): AdaptiveCard {
  const { locale, settings } = input;
  const typedNumber = (key: string): number | undefined => {
    const raw = input.typed?.[key];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  const fields = SETTINGS_FIELDS.map((f) => ({
    type: 'Input.Number',
    id: f.key,
    label: t(locale, `settings.${f.key}`),
    min: f.min,
    max: f.max,
    value: typedNumber(f.key) ?? f.read(settings),
    isRequired: true,
    errorMessage: `${f.min}–${f.max}`,
  }));
  return adaptiveCard(
    [
      heading(t(locale, 'settings.title')),
      ...(input.notice ? [goodText(input.notice)] : []),
      ...(input.error ? [errorText(input.error)] : []),
      note(t(locale, 'settings.intro')),
      ...fields,
    ],
    [executeAction(t(locale, 'settings.save'), 'admin.settings.save')],
  );
}
