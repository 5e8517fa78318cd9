import type { Locale } from '../../bot/i18n/locale';
import { ROLES, type Role } from '../../bot/domain/roles';
import { adminText as t } from '../../bot/i18n/admin';
import { common } from '../../bot/i18n/common';
import {
  adaptiveCard,
  container,
  executeAction,
  goodText,
  heading,
  note,
  subheading,
  text,
  errorText,
} from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

export interface StaffRow {
  readonly userId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export const ROLES_CARD_MAX_ROWS = 25;

const roleChoices = (locale: Locale): JsonObject[] =>
  ROLES.map((r) => ({ title: common(locale, `role.${r}`), value: r }));

/** Staff with a multi-select of roles each, and a form to add someone by Entra id. */
export function rolesCard(input: {
  locale: Locale;
  staff: readonly StaffRow[];
  notice?: string;
  error?: string;
}): AdaptiveCard {
  const { locale } = input;
  const shown = input.staff.slice(0, ROLES_CARD_MAX_ROWS);
  const rows = shown.map((s, i) =>
    container(
      [
        text(s.displayName, { weight: 'Bolder' }),
        {
          type: 'Input.ChoiceSet',
          id: `roles${i}`,
          label: t(locale, 'roles.add.roles'),
          isMultiSelect: true,
          style: 'expanded',
          value: s.roles.join(','),
          choices: roleChoices(locale),
        },
        {
          type: 'ActionSet',
          actions: [
            executeAction(t(locale, 'roles.save'), 'admin.roles.save', { userId: s.userId, inputId: `roles${i}` }),
          ],
        },
      ],
      { separator: true },
    ),
  );
  return adaptiveCard([
    heading(t(locale, 'roles.title')),
    ...(input.notice ? [goodText(input.notice)] : []),
    ...(input.error ? [errorText(input.error)] : []),
    note(t(locale, 'roles.intro')),
    ...rows,
    ...(input.staff.length > shown.length
      ? [note(t(locale, 'roles.more', { shown: shown.length, total: input.staff.length }))]
      : []),
    container(
      [
        subheading(t(locale, 'roles.add.title')),
        {
          type: 'Input.Text',
          id: 'newUserId',
          label: t(locale, 'roles.add.userId'),
          placeholder: '00000000-0000-0000-0000-000000000000',
          maxLength: 36,
        },
        { type: 'Input.Text', id: 'newUserName', label: t(locale, 'roles.add.name'), maxLength: 100 },
        {
          type: 'Input.ChoiceSet',
          id: 'newRoles',
          label: t(locale, 'roles.add.roles'),
          isMultiSelect: true,
          style: 'expanded',
          choices: roleChoices(locale),
        },
        { type: 'ActionSet', actions: [executeAction(t(locale, 'roles.add.button'), 'admin.roles.add')] },
      ],
      { separator: true, spacing: 'Large' },
    ),
  ]);
}
