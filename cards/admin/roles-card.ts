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
  /** The name to show (never the raw id: see bot/features/staff-name.ts). */
  readonly name: string;
  /** The roles stored in the directory. */
  readonly roles: readonly Role[];
  /** Named in ADMIN_AAD_OBJECT_IDS: admin whatever the directory says, and not removable here. */
  readonly configuredAdmin: boolean;
}

/** What the admin had ticked when a save was refused, so the card comes back as they left it. */
export interface TypedRoles {
  readonly rows?: Readonly<Record<string, string>>;
  readonly newUserId?: string;
  readonly newUserName?: string;
  readonly newRoles?: string;
}

export const ROLES_CARD_MAX_ROWS = 25;
/** Teams' people picker searches the whole organisation (Microsoft Graph); other clients show the static list. */
export const PEOPLE_PICKER_DATASET = 'graph.microsoft.com/users';

/** The roles that can be ticked on a row: a configured admin's admin role is not the card's to change. */
export const editableRoles = (row: Pick<StaffRow, 'configuredAdmin'>): readonly Role[] =>
  row.configuredAdmin ? ROLES.filter((r) => r !== 'admin') : ROLES;

const roleChoices = (locale: Locale, roles: readonly Role[]): JsonObject[] =>
  roles.map((r) => ({ title: common(locale, `role.${r}`), value: r }));

/** The input id of a staff member's row (stable while the card is shown; the button says which one it saves). */
export const rowInputId = (index: number): string => `roles${index}`;

/**
 * Staff with their roles as they are (a configured admin shown as admin), a multi-select of the
 * roles each, and a form to add a colleague picked by name.
 */
export function rolesCard(input: {
  locale: Locale;
  staff: readonly StaffRow[];
  notice?: string;
  error?: string;
  typed?: TypedRoles;
}): AdaptiveCard {
  const { locale } = input;
  const typed = input.typed ?? {};
  const shown = input.staff.slice(0, ROLES_CARD_MAX_ROWS);
  const rows = shown.map((s, i) => {
    const editable = editableRoles(s);
    const stored = s.roles.filter((r) => editable.includes(r)).join(',');
    return container(
      [
        text(s.name, { weight: 'Bolder' }),
        ...(s.configuredAdmin ? [note(t(locale, 'roles.configured_admin'))] : []),
        {
          type: 'Input.ChoiceSet',
          id: rowInputId(i),
          label: t(locale, 'roles.add.roles'),
          isMultiSelect: true,
          style: 'expanded',
          value: typed.rows?.[s.userId] ?? stored,
          choices: roleChoices(locale, editable),
        },
        {
          type: 'ActionSet',
          actions: [
            executeAction(t(locale, 'roles.save'), 'admin.roles.save', { userId: s.userId, inputId: rowInputId(i) }),
          ],
        },
      ],
      { separator: true },
    );
  });
  const colleagues = [...input.staff]
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .slice(0, 100)
    .map((s) => ({ title: s.name, value: s.userId }));
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
          type: 'Input.ChoiceSet',
          id: 'newUserId',
          label: t(locale, 'roles.add.person'),
          placeholder: t(locale, 'roles.add.person_placeholder'),
          style: 'filtered',
          ...(typed.newUserId ? { value: typed.newUserId } : {}),
          choices: colleagues,
          'choices.data': { type: 'Data.Query', dataset: PEOPLE_PICKER_DATASET },
        },
        {
          type: 'Input.Text',
          id: 'newUserName',
          label: t(locale, 'roles.add.name'),
          maxLength: 100,
          ...(typed.newUserName ? { value: typed.newUserName } : {}),
        },
        {
          type: 'Input.ChoiceSet',
          id: 'newRoles',
          label: t(locale, 'roles.add.roles'),
          isMultiSelect: true,
          style: 'expanded',
          ...(typed.newRoles ? { value: typed.newRoles } : {}),
          choices: roleChoices(locale, ROLES),
        },
        { type: 'ActionSet', actions: [executeAction(t(locale, 'roles.add.button'), 'admin.roles.add')] },
        note(t(locale, 'roles.add.by_id')),
      ],
      { separator: true, spacing: 'Large' },
    ),
  ]);
}
