import type { Role } from './roles';
import type { Locale } from '../i18n/locale';

/** The person behind a turn, as plain data: what domain, cards and store know of the Teams user. */
export interface Actor {
  readonly tenantId: string;
  /** Entra object id of the user. */
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly locale: Locale;
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
