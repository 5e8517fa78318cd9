import { Guard } from '../../bot/access/guard';
import { ForbiddenError } from '../../bot/domain/errors';
import { BotHarness, TEST_TENANT } from '../harness/bot-harness';

describe('audit: one audited path for case data', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const guardFor = (userId: string, roles: ('jobformidler' | 'leder' | 'admin')[]) =>
    new Guard(
      h.services.audit,
      { tenantId: TEST_TENANT, userId, roles, locale: 'da' },
      { correlationId: `corr-${userId}`, channel: 'personal', now: () => new Date('2026-11-23T09:00:00Z') },
    );

  const entriesFor = async (caseRef: string) =>
    (await h.services.audit.listForCase(TEST_TENANT, caseRef, { maxItemCount: 100 })).items;

  it('logs a read after it succeeds, with time, user, role, action, case and purpose', async () => {
    const g = guardFor('jf-1', ['jobformidler']);
    const value = await g.run(
      {
        action: 'case.read',
        kind: 'read',
        purpose: 'follow_up',
        caseRef: 'FR-AAAA-0001',
        resource: { tenantId: TEST_TENANT, assignedJobformidlerId: 'jf-1' },
      },
      async () => 'data',
    );
    expect(value).toBe('data');
    expect(await entriesFor('FR-AAAA-0001')).toEqual([
      expect.objectContaining({
        at: '2026-11-23T09:00:00.000Z',
        actorId: 'jf-1',
        actorRoles: ['jobformidler'],
        action: 'case.read',
        kind: 'read',
        caseRef: 'FR-AAAA-0001',
        purpose: 'follow_up',
        outcome: 'ok',
        correlationId: 'corr-jf-1',
      }),
    ]);
  });

  it('logs a refusal and does not run the work', async () => {
    const g = guardFor('jf-2', ['jobformidler']);
    let ran = false;
    await expect(
      g.run(
        {
          action: 'case.read',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: 'FR-AAAA-0002',
          resource: { tenantId: TEST_TENANT, assignedJobformidlerId: 'someone-else' },
        },
        async () => {
          ran = true;
        },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(ran).toBe(false);
    expect((await entriesFor('FR-AAAA-0002')).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('logs a write before it happens and an error entry when it fails', async () => {
    const g = guardFor('jf-3', ['jobformidler']);
    await expect(
      g.run(
        {
          action: 'case.write',
          kind: 'write',
          purpose: 'follow_up',
          caseRef: 'FR-AAAA-0003',
          resource: { tenantId: TEST_TENANT, assignedJobformidlerId: 'jf-3' },
        },
        async () => {
          throw new Error('store fell over');
        },
      ),
    ).rejects.toThrow('store fell over');
    expect((await entriesFor('FR-AAAA-0003')).map((e) => e.outcome)).toEqual(['ok', 'error']);
  });

  it('gives every entry a retention of at least 6 months (per-item TTL)', async () => {
    const [entry] = await entriesFor('FR-AAAA-0001');
    expect(entry!.ttl).toBeGreaterThanOrEqual(183 * 86400);
    expect(Date.parse(entry!.expiresAt) - Date.parse(entry!.at)).toBe(entry!.ttl * 1000);
  });

  it('a leader never gets case-level access, whatever the case', async () => {
    const g = guardFor('leader-1', ['leder']);
    await expect(
      g.run(
        {
          action: 'case.read',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: 'FR-AAAA-0004',
          resource: { tenantId: TEST_TENANT },
        },
        async () => 1,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
