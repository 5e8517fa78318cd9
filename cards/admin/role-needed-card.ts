import type { Locale } from '../../bot/i18n/locale';
import type { Role } from '../../bot/domain/roles';
import { adminText as t } from '../../bot/i18n/admin';
import { common } from '../../bot/i18n/common';
import { actionSet, adaptiveCard, executeAction, goodText, note, text } from '../common/elements';
import type { AdaptiveCard } from '../types';

const roleName = (locale: Locale, role: Role): string => common(locale, `role.${role}`);

/**
 * An admin typed a command their roles do not allow: which role it needs, and a button per role that
 * gives it to them (admin.roles.take, audited as a role change). Admins are not screeners or
 * jobformidlere by default; the first admin of a trial usually wants to be.
 */
export function roleNeededCard(input: { locale: Locale; command: string; roles: readonly Role[] }): AdaptiveCard {
  const { locale } = input;
  const roles = input.roles.map((r) => roleName(locale, r)).join(t(locale, 'role_needed.or'));
  return adaptiveCard(
    [
      text(t(locale, 'role_needed.title', { command: input.command, roles }), { weight: 'Bolder' }),
      note(t(locale, 'role_needed.admin')),
    ],
    input.roles.map((role) =>
      executeAction(t(locale, 'role_needed.take', { role: roleName(locale, role) }), 'admin.roles.take', {
        role,
        command: input.command,
      }),
    ),
  );
}

/** After taking a role: what changed, and the command the admin wanted to run. */
export function roleTakenCard(input: { locale: Locale; role: Role; command?: string | undefined }): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard([
    goodText(t(locale, 'role_needed.taken', { role: roleName(locale, input.role) })),
    ...(input.command
      ? [
          actionSet([
            executeAction(t(locale, 'role_needed.continue', { command: input.command }), 'command.run', {
              command: input.command,
            }),
          ]),
        ]
      : []),
  ]);
}
