import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decide, POLICY_ACTIONS, type CaseOwnership, type PolicyAction } from '../../bot/domain/policy';
import { ROLES, type Role } from '../../bot/domain/roles';
import type { Venue } from '../../bot/domain/venue';
import type { Actor } from '../../bot/domain/actor';
import { matrixSection, renderPolicyMatrix, tableCells } from './policy-matrix-doc';

/**
 * The role × action × conversation matrix, written out by hand and reviewed by a person (not read
 * from policy.ts, so a wrong cell in POLICY fails here). `x` = allowed. The last column says whether
 * the action may happen where others read along (group chat, team channel); everything else needs the
 * 1:1 chat (or the DPO's admin API, or the bot's own jobs). A new action in POLICY fails the first
 * test until it gets a reviewed row here.
 */
const REVIEWED = `
action                 | screener | jobformidler | leder | admin | virksomhedskonsulent | myndighedssagsbehandler | shared conversation
help.view              | x        | x            | x     | x     | x                    | x                       | x
roles.manage           | -        | -            | -     | x     | -                    | -                       | -
settings.manage        | -        | -            | -     | x     | -                    | -                       | -
screening.run          | x        | -            | -     | -     | -                    | -                       | -
screening.list_own     | x        | -            | -     | -     | -                    | -                       | -
screening.read_answers | x        | x            | -     | -     | -                    | -                       | -
visitation.decide      | x        | -            | -     | -     | -                    | -                       | -
visitation.change      | x        | -            | x     | -     | -                    | x                       | -
caseload.view          | -        | x            | -     | -     | -                    | x                       | -
case.read              | -        | x            | -     | x     | -                    | -                       | -
case.write             | -        | x            | -     | -     | -                    | -                       | -
hko.read               | -        | x            | -     | -     | -                    | -                       | -
hko.write              | -        | x            | -     | -     | -                    | -                       | -
progression.score      | -        | x            | -     | -     | -                    | -                       | -
rehab.read             | -        | x            | -     | -     | -                    | x                       | -
rehab.write            | -        | x            | -     | -     | -                    | x                       | -
case.reopen            | x        | -            | -     | x     | -                    | -                       | -
case.reassign          | -        | x            | x     | -     | -                    | -                       | -
case.transfer_accept   | -        | x            | -     | -     | -                    | -                       | -
case.aftercare         | -        | x            | -     | -     | -                    | -                       | -
case.read_sparring     | -        | -            | x     | -     | -                    | -                       | -
caseload.balance       | -        | -            | x     | -     | -                    | -                       | -
figures.own            | -        | x            | -     | -     | -                    | -                       | -
indicatorset.manage    | -        | -            | -     | x     | -                    | -                       | -
digest.subscribe       | -        | -            | x     | -     | -                    | -                       | x
digest.preview         | -        | -            | x     | -     | -                    | -                       | x
audit.extract          | -        | -            | -     | x     | -                    | -                       | -
case.export            | -        | -            | -     | x     | -                    | -                       | -
case.erase             | -        | -            | -     | x     | -                    | -                       | -
case.citizen_copy      | -        | x            | -     | -     | -                    | -                       | -
case.employer_copy     | -        | x            | -     | -     | -                    | -                       | -
company.read           | -        | x            | -     | x     | x                    | -                       | -
company.write          | -        | x            | -     | -     | x                    | -                       | -
jobmatch.suggest       | -        | x            | -     | -     | -                    | -                       | -
jobmatch.read_shared   | -        | x            | -     | x     | x                    | -                       | -
fidelityset.manage     | -        | -            | -     | x     | -                    | -                       | -
fidelity.start         | -        | -            | x     | -     | -                    | -                       | x
fidelity.report        | -        | -            | x     | -     | -                    | -                       | x
fidelity.answer        | x        | x            | x     | x     | x                    | x                       | -
`;

interface Row {
  readonly roles: ReadonlySet<Role>;
  readonly shared: boolean;
}

function parseReviewed(): Map<string, Row> {
  const lines = REVIEWED.trim().split('\n');
  const header = lines[0]!.split('|').map((c) => c.trim());
  const roleColumns = header.slice(1, -1) as Role[];
  const rows = new Map<string, Row>();
  for (const line of lines.slice(1)) {
    const cells = line.split('|').map((c) => c.trim());
    const roles = new Set(roleColumns.filter((_, i) => cells[i + 1] === 'x'));
    rows.set(cells[0]!, { roles, shared: cells[cells.length - 1] === 'x' });
  }
  return rows;
}

const MATRIX = parseReviewed();
const row = (action: PolicyAction): Row => {
  const r = MATRIX.get(action);
  if (r === undefined) throw new Error(`${action} has no reviewed row in this test`);
  return r;
};
const allowedByRole = (action: PolicyAction, role: Role): boolean => row(action).roles.has(role);

const TENANT = 'tenant-a';
const OTHER_TENANT = 'tenant-b';
const ME = 'user-me';

const actorWith = (roles: readonly Role[]): Actor => ({ tenantId: TENANT, userId: ME, roles, locale: 'da' });

/**
 * The reviewed ownership rule (PRODUCT.md §4): who owns one case, per role, written independently of
 * policy.ts. A leader owns no case through screening or assignment, only a case of their team (the
 * Teams team they share with its owner) at the case table.
 */
const OWN_CASE: Record<Role, CaseOwnership> = {
  screener: { tenantId: TENANT, screenerId: ME, assignedJobformidlerId: 'someone-else' },
  jobformidler: { tenantId: TENANT, screenerId: 'someone-else', assignedJobformidlerId: ME },
  leder: { tenantId: TENANT, screenerId: 'someone-else', assignedJobformidlerId: 'someone-else', teamLeaderIds: [ME] },
  admin: { tenantId: TENANT },
  // The company side owns no case: what it may see of one is what a jobformidler shared with it on a match.
  virksomhedskonsulent: {
    tenantId: TENANT,
    screenerId: 'someone-else',
    assignedJobformidlerId: 'someone-else',
    sharedWith: [ME],
  },
  myndighedssagsbehandler: { tenantId: TENANT, screenerId: 'someone-else', caseworkerId: ME },
};
/** Cells where owning the case in the sense above is not what the action asks for (reviewed). */
const NOT_BY_OWNERSHIP: readonly (readonly [PolicyAction, Role])[] = [
  // Accepting a transfer belongs to the jobformidler it was proposed to, not to the case's jobformidler.
  ['case.transfer_accept', 'jobformidler'],
];
/** Cells allowed on any case of the municipality, without owning it (reviewed). */
const TENANT_WIDE: readonly (readonly [PolicyAction, Role])[] = [
  // The visitation panel may change any citizen's visitation.
  ['visitation.change', 'myndighedssagsbehandler'],
];
const inList = (list: readonly (readonly [PolicyAction, Role])[], action: PolicyAction, role: Role): boolean =>
  list.some(([a, r]) => a === action && r === role);
const NOT_MINE: CaseOwnership = {
  tenantId: TENANT,
  screenerId: 'other',
  assignedJobformidlerId: 'other',
  caseworkerId: 'other',
  pendingTransferToId: 'other',
  teamLeaderIds: ['other-leader'],
};

const cells = POLICY_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));
const PRIVATE_VENUES: readonly Venue[] = ['personal', 'api', 'system'];
const SHARED_VENUES: readonly Venue[] = ['groupChat', 'channel'];

describe('the reviewed matrix', () => {
  it('has exactly one row per action of POLICY and one column per role', () => {
    expect([...MATRIX.keys()].sort()).toEqual([...POLICY_ACTIONS].sort());
    expect(
      REVIEWED.trim()
        .split('\n')[0]!
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    ).toEqual([...ROLES]);
  });
});

describe('SECURITY.md', () => {
  it('shows the role × action matrix exactly as POLICY defines it', () => {
    const file = path.join(__dirname, '../../SECURITY.md');
    const markdown = readFileSync(file, 'utf8');
    const expected = renderPolicyMatrix();
    const current = matrixSection(markdown);
    if (process.env.UPDATE_SECURITY_MATRIX === '1' && current !== undefined) {
      writeFileSync(file, markdown.replace(current, expected)); // then `npx prettier --write SECURITY.md`
      return;
    }
    expect(current).toBeDefined();
    // Run with UPDATE_SECURITY_MATRIX=1 to regenerate after a reviewed change of POLICY.
    expect(tableCells(current ?? '')).toEqual(tableCells(expected));
  });
});

describe('policy: every action × role, in the 1:1 chat', () => {
  it.each(cells)('%s by a %s without a case: allowed exactly when the matrix says so', (action, role) => {
    for (const venue of PRIVATE_VENUES)
      expect(decide(actorWith([role]), action, venue).allowed).toBe(allowedByRole(action, role));
  });

  it.each(cells)('%s by a %s on a case they own', (action, role) => {
    const expected =
      allowedByRole(action, role) && (!inList(NOT_BY_OWNERSHIP, action, role) || inList(TENANT_WIDE, action, role));
    const d = decide(actorWith([role]), action, 'personal', OWN_CASE[role]);
    expect(d.allowed).toBe(expected);
    if (!d.allowed) expect(d.reason).toBe(allowedByRole(action, role) ? 'not_owner' : 'role');
  });

  it.each(cells)('%s by a %s on a case of someone else in the same municipality', (action, role) => {
    const d = decide(actorWith([role]), action, 'personal', NOT_MINE);
    expect(d.allowed).toBe(allowedByRole(action, role) && (role === 'admin' || inList(TENANT_WIDE, action, role)));
  });

  it.each(cells)('%s by a %s on a case of another municipality is always refused', (action, role) => {
    const theirs = { ...OWN_CASE[role], tenantId: OTHER_TENANT };
    const d = decide(actorWith([role]), action, 'personal', theirs);
    expect(d).toEqual({ allowed: false, reason: allowedByRole(action, role) ? 'tenant' : 'role' });
  });

  it.each(POLICY_ACTIONS)('%s without any role is refused, with or without a case', (action) => {
    expect(decide(actorWith([]), action, 'personal')).toEqual({ allowed: false, reason: 'no_role' });
    expect(decide(actorWith([]), action, 'personal', { tenantId: TENANT })).toEqual({
      allowed: false,
      reason: 'no_role',
    });
  });

  it('combines roles: a user who is both screener and jobformidler may do what either role may', () => {
    const both = actorWith(['screener', 'jobformidler']);
    for (const action of POLICY_ACTIONS) {
      const expected = allowedByRole(action, 'screener') || allowedByRole(action, 'jobformidler');
      expect(decide(both, action, 'personal').allowed).toBe(expected);
    }
    // …and on a case, ownership through one role is enough.
    expect(decide(both, 'case.read', 'personal', { tenantId: TENANT, assignedJobformidlerId: ME }).allowed).toBe(true);
    expect(decide(both, 'case.read', 'personal', { tenantId: TENANT, screenerId: ME }).allowed).toBe(false);
  });

  it('a group 2 case belongs to its owner: a myndighedssagsbehandler or a jobformidler as caseworker', () => {
    const g2 = { tenantId: TENANT, screenerId: 'screener-x', caseworkerId: ME };
    expect(decide(actorWith(['myndighedssagsbehandler']), 'rehab.write', 'personal', g2).allowed).toBe(true);
    expect(decide(actorWith(['jobformidler']), 'rehab.write', 'personal', g2).allowed).toBe(true);
    // A myndighedssagsbehandler owns nothing through a group 1 assignment, and reads no case card or art. 9 data.
    const g1 = { tenantId: TENANT, assignedJobformidlerId: ME };
    expect(decide(actorWith(['myndighedssagsbehandler']), 'rehab.read', 'personal', g1)).toEqual({
      allowed: false,
      reason: 'not_owner',
    });
    for (const action of ['case.read', 'screening.read_answers', 'hko.read'] as const)
      expect(decide(actorWith(['myndighedssagsbehandler']), action, 'personal', g2)).toEqual({
        allowed: false,
        reason: 'role',
      });
  });

  it('a transfer is accepted by the jobformidler it was proposed to, nobody else', () => {
    const proposed = { tenantId: TENANT, assignedJobformidlerId: 'old-one', pendingTransferToId: ME };
    expect(decide(actorWith(['jobformidler']), 'case.transfer_accept', 'personal', proposed).allowed).toBe(true);
    const toOther = { ...proposed, assignedJobformidlerId: ME, pendingTransferToId: 'someone-else' };
    expect(decide(actorWith(['jobformidler']), 'case.transfer_accept', 'personal', toOther).allowed).toBe(false);
  });

  it('a leader reads a case for sparring only when it belongs to their team, never its art. 9 data', () => {
    const team = { tenantId: TENANT, assignedJobformidlerId: 'jf-1', teamLeaderIds: [ME, 'another-leader'] };
    expect(decide(actorWith(['leder']), 'case.read_sparring', 'personal', team).allowed).toBe(true);
    expect(decide(actorWith(['leder']), 'case.read_sparring', 'personal', { ...team, teamLeaderIds: [] })).toEqual({
      allowed: false,
      reason: 'not_owner',
    });
    for (const action of ['case.read', 'screening.read_answers', 'hko.read', 'case.write'] as const)
      expect(decide(actorWith(['leder']), action, 'personal', team)).toEqual({ allowed: false, reason: 'role' });
  });

  it('denies by default: an action missing from POLICY is refused for every role', () => {
    for (const unknown of [
      'case.delete_everything',
      'constructor',
      '__proto__',
      'toString',
    ] as unknown as PolicyAction[]) {
      expect(decide(actorWith([...ROLES]), unknown, 'personal')).toEqual({ allowed: false, reason: 'role' });
    }
  });
});

describe('policy: the kind of conversation', () => {
  it.each(cells)('%s by a %s in a group chat or channel: only the shared-safe actions', (action, role) => {
    for (const venue of SHARED_VENUES) {
      const d = decide(actorWith([role]), action, venue);
      const expected = allowedByRole(action, role) && row(action).shared;
      expect(d.allowed).toBe(expected);
      if (!d.allowed && allowedByRole(action, role)) expect(d.reason).toBe('conversation');
    }
  });

  it('refuses case data in a channel even to the case owner and to an admin', () => {
    for (const venue of SHARED_VENUES) {
      expect(decide(actorWith(['jobformidler']), 'case.read', venue, OWN_CASE.jobformidler)).toEqual({
        allowed: false,
        reason: 'conversation',
      });
      expect(decide(actorWith(['screener']), 'screening.read_answers', venue, OWN_CASE.screener)).toEqual({
        allowed: false,
        reason: 'conversation',
      });
      expect(decide(actorWith(['admin']), 'case.read', venue, { tenantId: TENANT })).toEqual({
        allowed: false,
        reason: 'conversation',
      });
    }
  });
});

describe('policy: the company side', () => {
  const konsulent = actorWith(['virksomhedskonsulent']);
  const shared: CaseOwnership = { tenantId: TENANT, assignedJobformidlerId: 'jf-1', sharedWith: [ME] };

  it('sees a case a jobformidler shared on a match, and nothing more of it', () => {
    expect(decide(konsulent, 'jobmatch.read_shared', 'personal', shared)).toEqual({ allowed: true });
    for (const action of ['case.read', 'case.write', 'hko.read', 'screening.read_answers', 'jobmatch.suggest'] as const)
      expect([action, decide(konsulent, action, 'personal', shared)]).toEqual([
        action,
        { allowed: false, reason: 'role' },
      ]);
  });

  it('does not see a match shared with a colleague, or one of another municipality', () => {
    expect(decide(konsulent, 'jobmatch.read_shared', 'personal', { ...shared, sharedWith: ['colleague'] })).toEqual({
      allowed: false,
      reason: 'not_owner',
    });
    expect(decide(konsulent, 'jobmatch.read_shared', 'personal', { ...shared, tenantId: OTHER_TENANT })).toEqual({
      allowed: false,
      reason: 'tenant',
    });
  });

  it('a jobformidler sees a shared match only of their own citizen; being on the shared list does not make a case theirs', () => {
    const jf = actorWith(['jobformidler']);
    expect(decide(jf, 'jobmatch.read_shared', 'personal', { ...shared, assignedJobformidlerId: ME }).allowed).toBe(
      true,
    );
    expect(decide(jf, 'jobmatch.read_shared', 'personal', shared).allowed).toBe(false);
    expect(
      decide(jf, 'case.read', 'personal', { tenantId: TENANT, assignedJobformidlerId: 'jf-1', sharedWith: [ME] }),
    ).toEqual({
      allowed: false,
      reason: 'not_owner',
    });
  });

  it('company data stays in the 1:1 chat', () => {
    for (const venue of SHARED_VENUES)
      expect(decide(konsulent, 'company.read', venue)).toEqual({ allowed: false, reason: 'conversation' });
  });
});
