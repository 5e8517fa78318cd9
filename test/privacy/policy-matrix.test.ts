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
action                  | screener | jobformidler | leder | admin | shared conversation
help.view               | x        | x            | x     | x     | x
roles.manage            | -        | -            | -     | x     | -
settings.manage         | -        | -            | -     | x     | -
screening.run           | x        | -            | -     | -     | -
screening.list_own      | x        | -            | -     | -     | -
screening.read_answers  | x        | x            | -     | -     | -
visitation.decide       | x        | -            | -     | -     | -
caseload.view           | -        | x            | -     | -     | -
case.read               | -        | x            | -     | x     | -
case.write              | -        | x            | -     | -     | -
hko.read                | -        | x            | -     | -     | -
hko.write               | -        | x            | -     | -     | -
progression.score       | -        | x            | -     | -     | -
indicatorset.manage     | -        | -            | -     | x     | -
digest.subscribe        | -        | -            | x     | -     | x
digest.preview          | -        | -            | x     | -     | x
audit.extract           | -        | -            | -     | x     | -
case.export             | -        | -            | -     | x     | -
case.erase              | -        | -            | -     | x     | -
case.citizen_copy       | -        | x            | -     | -     | -
case.employer_copy      | -        | x            | -     | -     | -
fidelityset.manage      | -        | -            | -     | x     | -
fidelity.start          | -        | -            | x     | -     | x
fidelity.report         | -        | -            | x     | -     | x
fidelity.answer         | x        | x            | x     | x     | -
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

/** The reviewed ownership rule (PRODUCT.md §4): who owns one case, per role, written independently of policy.ts. */
const OWN_CASE: Record<Role, CaseOwnership> = {
  screener: { tenantId: TENANT, screenerId: ME, assignedJobformidlerId: 'someone-else' },
  jobformidler: { tenantId: TENANT, screenerId: 'someone-else', assignedJobformidlerId: ME },
  leder: { tenantId: TENANT, screenerId: ME, assignedJobformidlerId: ME },
  admin: { tenantId: TENANT },
};
const LEADERS_SEE_NO_CASE = true;
const NOT_MINE: CaseOwnership = { tenantId: TENANT, screenerId: 'other', assignedJobformidlerId: 'other' };

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
    const expected = allowedByRole(action, role) && !(role === 'leder' && LEADERS_SEE_NO_CASE);
    const d = decide(actorWith([role]), action, 'personal', OWN_CASE[role]);
    expect(d.allowed).toBe(expected);
    if (!d.allowed) expect(d.reason).toBe(allowedByRole(action, role) ? 'not_owner' : 'role');
  });

  it.each(cells)('%s by a %s on a case of someone else in the same municipality', (action, role) => {
    const d = decide(actorWith([role]), action, 'personal', NOT_MINE);
    expect(d.allowed).toBe(allowedByRole(action, role) && role === 'admin');
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
