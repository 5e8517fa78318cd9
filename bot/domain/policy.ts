import type { Actor } from './actor';
import type { Role } from './roles';
import { isPrivateVenue, type Venue } from './venue';

/**
 * The one policy function. Every handler asks `decide` before it reads or writes; anything not
 * listed here is denied (deny by default). SECURITY.md documents this matrix, and
 * test/privacy/policy-matrix.test.ts checks every cell.
 */
export const POLICY = {
  'help.view': ['screener', 'jobformidler', 'leder', 'admin', 'virksomhedskonsulent', 'myndighedssagsbehandler'],
  'roles.manage': ['admin'],
  'settings.manage': ['admin'],
  'screening.run': ['screener'],
  'screening.list_own': ['screener'],
  /** Art. 9 answers: the screener who ran it, or the case's assigned jobformidler (resource check). */
  'screening.read_answers': ['screener', 'jobformidler'],
  'visitation.decide': ['screener'],
  /**
   * Re-visitation (group 2 → 1 and back, issue 15 item 3): the case's screener, a leader of the team
   * that owns the case, or a myndighedssagsbehandler (the visitation panel, municipality-wide).
   */
  'visitation.change': ['screener', 'leder', 'myndighedssagsbehandler'],
  /** "Mine borgere": every citizen the user owns (group 1 as jobformidler, group 2 as owner). */
  'caseload.view': ['jobformidler', 'myndighedssagsbehandler'],
  /** Case data: the assigned jobformidler, and admins for support (resource check). */
  'case.read': ['jobformidler', 'admin'],
  'case.write': ['jobformidler'],
  /** HKO is art. 9 data: the case's jobformidler only, not admins (resource check). */
  'hko.read': ['jobformidler'],
  'hko.write': ['jobformidler'],
  'progression.score': ['jobformidler'],
  /** The group 2 case: rehabilitation team meeting, recommendation, closure (its owner, resource check). */
  'rehab.read': ['jobformidler', 'myndighedssagsbehandler'],
  'rehab.write': ['jobformidler', 'myndighedssagsbehandler'],
  /** Re-opening a closed case within its retention period: its screener, or an admin. */
  'case.reopen': ['screener', 'admin'],
  /**
   * Moving a case to another jobformidler: a leader of the case's team, or the case's own jobformidler
   * (who only proposes: the receiver accepts with `case.transfer_accept`).
   */
  'case.reassign': ['leder', 'jobformidler'],
  'case.transfer_accept': ['jobformidler'],
  /** Aftercare contacts on a case closed for employment (the case's last jobformidler). */
  'case.aftercare': ['jobformidler'],
  /**
   * The leader at the case table (seed 001): a case of the team, read for sparring (no art. 9 data,
   * audited with purpose "ledelsessparring").
   */
  'case.read_sparring': ['leder'],
  /** The team's caseloads against the band (staff data, 1:1 only). */
  'caseload.balance': ['leder'],
  /** A jobformidler's own figures ("mine tal", seed 003). */
  'figures.own': ['jobformidler'],
  'indicatorset.manage': ['admin'],
  'digest.subscribe': ['leder'],
  'digest.preview': ['leder'],
  'audit.extract': ['admin'],
  'case.export': ['admin'],
  'case.erase': ['admin'],
  /** The citizen's copy and the employer's copy (PDF files): the case's jobformidler (resource check). */
  'case.citizen_copy': ['jobformidler'],
  'case.employer_copy': ['jobformidler'],
  /** Companies, their contacts and job openings: the municipality's business data, no citizen data in it. */
  'company.read': ['jobformidler', 'virksomhedskonsulent', 'admin'],
  'company.write': ['jobformidler', 'virksomhedskonsulent'],
  /** Job match suggestions for a citizen of the jobformidler's own caseload (resource check). */
  'jobmatch.suggest': ['jobformidler'],
  /**
   * A match a jobformidler took and so shared with the company side: the case reference, its status
   * and why it matched. The case's jobformidler, those it was shared with, and admins (resource check).
   */
  'jobmatch.read_shared': ['jobformidler', 'virksomhedskonsulent', 'admin'],
  /** Core-element sets for fidelity rounds (catalogue versions, like indicator sets). */
  'fidelityset.manage': ['admin'],
  /** A leader starts a fidelity round for a team and sees its report: team aggregates only, never per person. */
  'fidelity.start': ['leder'],
  'fidelity.report': ['leder'],
  /** Answering a round one is invited to (the invitation is checked by the feature): staff answer about practice. */
  'fidelity.answer': ['screener', 'jobformidler', 'leder', 'admin', 'virksomhedskonsulent', 'myndighedssagsbehandler'],
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
  /** Staff a jobformidler shared this case with on a job match (the company side sees that much, no more). */
  readonly sharedWith?: readonly string[] | undefined;
  /** The owner of a group 2 case (a myndighedssagsbehandler or a jobformidler). */
  readonly caseworkerId?: string | undefined;
  /** The jobformidler a transfer of the case was proposed to (they may accept it). */
  readonly pendingTransferToId?: string | undefined;
  /**
   * Leaders whose team (the Teams team they share with the case's owner) the case belongs to, as
   * resolved from the Teams roster by the use case. Leaders own no case otherwise.
   */
  readonly teamLeaderIds?: readonly string[] | undefined;
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
  return granted.some((role) => ownsResource(actor, role, action, resource))
    ? { allowed: true }
    : { allowed: false, reason: 'not_owner' };
}

/** Actions a role may do on any case of its municipality (no owner check). Reviewed in the matrix test. */
const TENANT_WIDE: Partial<Record<Role, readonly PolicyAction[]>> = {
  myndighedssagsbehandler: ['visitation.change'],
};

function ownsResource(actor: Actor, role: Role, action: PolicyAction, resource: CaseOwnership): boolean {
  if (TENANT_WIDE[role]?.includes(action)) return true;
  const me = actor.userId;
  switch (role) {
    case 'admin':
      return true;
    case 'jobformidler':
      // Accepting a transfer is the receiver's; everything else is the owner's (group 1, or group 2 as caseworker).
      if (action === 'case.transfer_accept') return resource.pendingTransferToId === me;
      return resource.assignedJobformidlerId === me || resource.caseworkerId === me;
    case 'myndighedssagsbehandler':
      return resource.caseworkerId === me;
    case 'screener':
      // The screener owns the screenings (and so the visitations) they ran.
      return resource.screenerId === me;
    case 'leder':
      // Leaders see aggregates, and the cases of their own team at the case table; nothing else.
      return resource.teamLeaderIds?.includes(me) ?? false;
    case 'virksomhedskonsulent':
      // The company side owns no case; it sees what a jobformidler shared with it on a match.
      return resource.sharedWith?.includes(me) ?? false;
  }
}
