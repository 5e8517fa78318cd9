import { POLICY } from '../../domain/policy';
import { ROLES, type Role } from '../../domain/roles';
import type { Locale } from '../../i18n/locale';
import { caseRefInputId, type HelpButton, type HelpEntry, type HelpGroup } from '../../../cards/onboarding/help-card';
import type { Command } from '../feature';

/** The role a command is listed under: the first of the user's roles (in ROLES order) that allows it. */
export function roleOf(command: Command, roles: readonly Role[]): Role | 'general' {
  if (command.permission === undefined) return 'general';
  const allowed: readonly Role[] = POLICY[command.permission];
  return ROLES.find((r) => roles.includes(r) && allowed.includes(r)) ?? 'general';
}

/** The command a `caseRef` button runs before the case number: the example without its placeholder. */
export const commandBeforePlaceholder = (example: string): string => example.replace(/\s+(<[^>]*>|\S+)$/, '');

/** `<sagsnummer>` as SAGSNUMMER: Teams' and the Playground's markdown drop text in angle brackets. */
const shownPlaceholders = (example: string): string =>
  example.replace(/<([^>]+)>/g, (_whole, word: string) => word.trim().toLocaleUpperCase('da').replace(/\s+/g, '-'));

const capitalised = (s: string): string => s.charAt(0).toLocaleUpperCase('da') + s.slice(1);

function buttonOf(command: Command, locale: Locale): HelpButton | undefined {
  const help = command.help;
  if (help === undefined || command.helpButton === undefined) return undefined;
  const example = help.example[locale];
  if (command.helpButton === 'run')
    return { kind: 'run', title: command.quickAction?.[locale] ?? capitalised(example), command: example };
  const prefix = commandBeforePlaceholder(example);
  return { kind: 'caseRef', title: `${capitalised(prefix)} …`, command: prefix, inputId: caseRefInputId(command.id) };
}

/**
 * The help card's content: the commands the user may use here, grouped by their roles in ROLES order
 * and then those for everyone. `help` itself is left out: it is the card being read.
 */
export function helpGroups(roles: readonly Role[], commands: readonly Command[], locale: Locale): HelpGroup[] {
  const groups = new Map<Role | 'general', HelpEntry[]>();
  for (const command of commands) {
    if (command.help === undefined || command.id === 'help') continue;
    const role = roleOf(command, roles);
    const button = buttonOf(command, locale);
    const entry: HelpEntry = {
      example: shownPlaceholders(command.help.example[locale]),
      description: command.help[locale],
      ...(button ? { button } : {}),
    };
    groups.set(role, [...(groups.get(role) ?? []), entry]);
  }
  return [...ROLES, 'general' as const].flatMap((role) => {
    const entries = groups.get(role);
    return entries ? [{ role, entries }] : [];
  });
}
