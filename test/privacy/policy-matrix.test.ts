import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decide, POLICY, POLICY_ACTIONS, type CaseOwnership, type PolicyAction } from '../../bot/domain/policy';
import { ROLES, type Role } from '../../bot/domain/roles';
import type { Actor } from '../../bot/domain/actor';
import { matrixSection, renderPolicyMatrix, tableCells } from './policy-matrix-doc';

/**
 * One test per cell of the role × action matrix, for every kind of request: no resource, a case
 * the actor owns, a case of someone else in the same municipality, and a case of another
 * municipality. SECURITY.md shows the same matrix; the first test keeps the two in step.
 */
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

const allowedByRole = (action: PolicyAction, role: Role): boolean => (POLICY[action] as readonly Role[]).includes(role);

const cells = POLICY_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));

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

describe('policy: every action × role', () => {
  it.each(cells)('%s by a %s without a case: allowed exactly when the matrix says so', (action, role) => {
    expect(decide(actorWith([role]), action).allowed).toBe(allowedByRole(action, role));
  });

  it.each(cells)('%s by a %s on a case they own', (action, role) => {
    const expected = allowedByRole(action, role) && !(role === 'leder' && LEADERS_SEE_NO_CASE);
    const d = decide(actorWith([role]), action, OWN_CASE[role]);
    expect(d.allowed).toBe(expected);
    if (!d.allowed) expect(d.reason).toBe(allowedByRole(action, role) ? 'not_owner' : 'role');
  });

  it.each(cells)('%s by a %s on a case of someone else in the same municipality', (action, role) => {
    const d = decide(actorWith([role]), action, NOT_MINE);
    expect(d.allowed).toBe(allowedByRole(action, role) && role === 'admin');
  });

  it.each(cells)('%s by a %s on a case of another municipality is always refused', (action, role) => {
    const theirs = { ...OWN_CASE[role], tenantId: OTHER_TENANT };
    const d = decide(actorWith([role]), action, theirs);
    expect(d).toEqual({ allowed: false, reason: allowedByRole(action, role) ? 'tenant' : 'role' });
  });

  it.each(POLICY_ACTIONS)('%s without any role is refused, with or without a case', (action) => {
    expect(decide(actorWith([]), action)).toEqual({ allowed: false, reason: 'no_role' });
    expect(decide(actorWith([]), action, { tenantId: TENANT })).toEqual({ allowed: false, reason: 'no_role' });
  });

  it('combines roles: a user who is both screener and jobformidler may do what either role may', () => {
    const both = actorWith(['screener', 'jobformidler']);
    for (const action of POLICY_ACTIONS) {
      const expected = allowedByRole(action, 'screener') || allowedByRole(action, 'jobformidler');
      expect(decide(both, action).allowed).toBe(expected);
    }
    // …and on a case, ownership through one role is enough.
    expect(decide(both, 'case.read', { tenantId: TENANT, assignedJobformidlerId: ME }).allowed).toBe(true);
    expect(decide(both, 'case.read', { tenantId: TENANT, screenerId: ME }).allowed).toBe(false);
  });

  it('denies by default: an action missing from POLICY is refused for every role', () => {
    for (const unknown of [
      'case.delete_everything',
      'constructor',
      '__proto__',
      'toString',
    ] as unknown as PolicyAction[]) {
      expect(decide(actorWith([...ROLES]), unknown)).toEqual({ allowed: false, reason: 'role' });
    }
  });
});
