import type { Actor } from './actor';
import type { Role } from './roles';
import { isPrivateVenue, type Venue } from './venue';

/**
 * The one policy function. Every handler asks `decide` before it reads or writes; anything not
 * listed here is denied (deny by default). SECURITY.md documents this matrix, and
 * test/privacy/policy-matrix.test.ts checks every cell.
 */
export const POLICY = {
  'help.view': ['screener', 'jobformidler', 'leder', 'admin'],
  'roles.manage': ['admin'],
  'settings.manage': ['admin'],
  'screening.run': ['screener'],
  'screening.list_own': ['screener'],
  /** Art. 9 answers: the screener who ran it, or the case's assigned jobformidler (resource check). */
  'screening.read_answers': ['screener', 'jobformidler'],
  'visitation.decide': ['screener'],
  'caseload.view': ['jobformidler'],
  /** Case data: the assigned jobformidler, and admins for support (resource check). */
  'case.read': ['jobformidler', 'admin'],
  'case.write': ['jobformidler'],
  /** HKO is art. 9 data: the case's jobformidler only, not admins (resource check). */
  'hko.read': ['jobformidler'],
  'hko.write': ['jobformidler'],
  'progression.score': ['jobformidler'],
  'indicatorset.manage': ['admin'],
  'digest.subscribe': ['leder'],
  'digest.preview': ['leder'],
  'audit.extract': ['admin'],
  'case.export': ['admin'],
  'case.erase': ['admin'],
  /** The citizen's copy and the employer's copy (PDF files): the case's jobformidler (resource check). */
  'case.citizen_copy': ['jobformidler'],
  'case.employer_copy': ['jobformidler'],
  /** Core-element sets for fidelity rounds (catalogue versions, like indicator sets). */
  'fidelityset.manage': ['admin'],
  /** A leader starts a fidelity round for a team and sees its report: team aggregates only, never per person. */
  'fidelity.start': ['leder'],
  'fidelity.report': ['leder'],
  /** Answering a round one is invited to (the invitation is checked by the feature): staff answer about practice. */
  'fidelity.answer': ['screener', 'jobformidler', 'leder', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type PolicyAction = keyof typeof POLICY;
export const POLICY_ACTIONS = Object.keys(POLICY) as PolicyAction[];

/**
 * The only actions allowed where others read along (group chats and team channels): help, the
 * leader's digest subscription and preview request (the preview itself is sent 1:1), and the
 * leader's fidelity round start and report (team aggregates). Everything else,
 * above all case data and art. 9 data, needs a private venue: the 1:1 chat with the bot, the DPO's
 * admin API, or the bot's own jobs. Deny by default: an action added to POLICY is private until it
 * is listed here.
 */
export const SHARED_CONVERSATION_ACTIONS = [
  'help.view',
  'digest.subscribe',
  'digest.preview',
  // A round is started for the team where the team is (its channel), and its report shows team sums of
  // at least three answers and nothing per person, like the digest; answering stays 1:1.
  'fidelity.start',
  'fidelity.report',
] as const satisfies readonly PolicyAction[];

export const allowedInSharedConversation = (action: PolicyAction): boolean =>
  (SHARED_CONVERSATION_ACTIONS as readonly string[]).includes(action);

/** What a decision may depend on beyond the role: the case's owners. */
export interface CaseOwnership {
  readonly tenantId: string;
  readonly screenerId?: string | undefined;
  readonly assignedJobformidlerId?: string | undefined;
}

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: DenialReason };

export type DenialReason = 'no_role' | 'role' | 'conversation' | 'tenant' | 'not_owner';

/** Pure: may `actor` do `action` in `venue` (on `resource`, when the action concerns one case)? */
export function decide(actor: Actor, action: PolicyAction, venue: Venue, resource?: CaseOwnership): Decision {
  if (actor.roles.length === 0) return { allowed: false, reason: 'no_role' };
  // An action string that is not in POLICY (a stale card, a typo) is simply denied.
  const roles: readonly Role[] | undefined = Object.hasOwn(POLICY, action) ? POLICY[action] : undefined;
  if (roles === undefined) return { allowed: false, reason: 'role' };
  const granted = actor.roles.filter((r) => roles.includes(r));
  if (granted.length === 0) return { allowed: false, reason: 'role' };
  if (!isPrivateVenue(venue) && !allowedInSharedConversation(action)) return { allowed: false, reason: 'conversation' };
  if (resource === undefined) return { allowed: true };
  if (resource.tenantId !== actor.tenantId) return { allowed: false, reason: 'tenant' };
  return granted.some((role) => ownsResource(actor, role, resource))
    ? { allowed: true }
    : { allowed: false, reason: 'not_owner' };
}

function ownsResource(actor: Actor, role: Role, resource: CaseOwnership): boolean {
  switch (role) {
    case 'admin':
      return true;
    case 'jobformidler':
      return resource.assignedJobformidlerId === actor.userId;
    case 'screener':
      // The screener owns the screenings (and so the visitations) they ran.
      return resource.screenerId === actor.userId;
    case 'leder':
      // Leaders see aggregates only; no case-level resource is theirs.
      return false;
  }
}
