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

  describe('one entry per turn for its reads (the turn edge settles the guard before it answers)', () => {
    const turnGuard = (userId: string) =>
      new Guard(
        h.services.audit,
        { tenantId: TEST_TENANT, userId, roles: ['jobformidler'], locale: 'da' },
        {
          correlationId: `turn-${userId}`,
          channel: 'personal',
          now: () => new Date('2026-11-23T10:00:00Z'),
          batchReads: true,
        },
      );
    const read = (g: Guard, userId: string, caseRef: string, auditAction = 'caseload.read') =>
      g.run(
        {
          action: 'case.read',
          kind: 'read',
          purpose: 'follow_up',
          caseRef,
          auditAction,
          resource: { tenantId: TEST_TENANT, assignedJobformidlerId: userId },
        },
        async () => caseRef,
      );
    const write = (g: Guard, userId: string, caseRef: string) =>
      g.run(
        {
          action: 'case.write',
          kind: 'write',
          purpose: 'follow_up',
          caseRef,
          auditAction: 'hours.write',
          resource: { tenantId: TEST_TENANT, assignedJobformidlerId: userId },
        },
        async () => undefined,
      );
    const turnEntries = async (userId: string) =>
      (await h.services.audit.listSince(TEST_TENANT, new Date(0), { maxItemCount: 500 })).items.filter(
        (e) => e.actorId === userId,
      );

    it('holds the reads until settle, then logs one entry naming every case read', async () => {
      const g = turnGuard('jf-b1');
      for (const ref of ['FR-B1-0001', 'FR-B1-0002', 'FR-B1-0001', 'FR-B1-0003']) await read(g, 'jf-b1', ref);
      expect(await turnEntries('jf-b1')).toEqual([]);
      await g.settle();
      expect(await turnEntries('jf-b1')).toEqual([
        expect.objectContaining({
          action: 'caseload.read',
          kind: 'read',
          purpose: 'follow_up',
          outcome: 'ok',
          caseRefs: ['FR-B1-0001', 'FR-B1-0002', 'FR-B1-0003'],
          correlationId: 'turn-jf-b1',
        }),
      ]);
      expect((await entriesFor('FR-B1-0003')).map((e) => e.action)).toEqual(['caseload.read']);
      // After settling, the turn logs each read as it returns.
      await read(g, 'jf-b1', 'FR-B1-0004');
      expect((await entriesFor('FR-B1-0004')).map((e) => e.caseRef)).toEqual(['FR-B1-0004']);
    });

    it('counts a read of a case the turn has logged a write to as covered by that entry; a read before it is logged', async () => {
      const g = turnGuard('jf-b2');
      await read(g, 'jf-b2', 'FR-B2-0001', 'hours.read');
      await write(g, 'jf-b2', 'FR-B2-0001');
      await read(g, 'jf-b2', 'FR-B2-0001', 'hours.read'); // the answer card after the save
      await g.settle();
      expect((await turnEntries('jf-b2')).map((e) => `${e.kind}:${e.action}:${e.caseRef}`).sort()).toEqual([
        'read:hours.read:FR-B2-0001',
        'write:hours.write:FR-B2-0001',
      ]);
      const after = turnGuard('jf-b3');
      await write(after, 'jf-b3', 'FR-B3-0001');
      await read(after, 'jf-b3', 'FR-B3-0001', 'hours.read');
      await after.settle();
      expect((await turnEntries('jf-b3')).map((e) => `${e.kind}:${e.action}`)).toEqual(['write:hours.write']);
    });
  });
});
