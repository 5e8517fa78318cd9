import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { ForbiddenError } from '../../bot/domain/errors';
import { applyRetention } from '../../bot/features/retention/apply-retention';
import { closeCase } from '../../bot/features/retention/close-case';
import { purgeExpired } from '../../bot/features/retention/purge';
import { retentionStamp } from '../../bot/features/retention/rules';
import { CaseRepository } from '../../bot/store/case-repository';
import { claimOnce } from '../../bot/store/claims';
import { BotHarness, TEST_TENANT } from '../harness/bot-harness';
import { actorOf, addAuditEntry, allItems, caseDocs, contextFor, countItems, seedCase } from './fixtures';

const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const DAY = 86_400_000;

describe('retention rules', () => {
  it('counts from the start of the closure date in Copenhagen, and gives Cosmos a TTL from now', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const stamp = retentionStamp('2026-03-10', 30, now, 'Europe/Copenhagen');
    expect(stamp.expiresAt).toBe('2026-04-08T23:00:00.000Z'); // 9 Apr 00:00 Copenhagen (summer time)
    expect(stamp.ttl).toBe((Date.parse(stamp.expiresAt) - now.getTime()) / 1000);
    // A closure recorded late still expires on time; an already-expired one gets the shortest TTL.
    expect(retentionStamp('2020-01-01', 30, now, 'Europe/Copenhagen').ttl).toBe(1);
  });
});

describe('closing a case starts its retention, and the daily sweep purges what has expired', () => {
  const clock = new ManualClock(new Date('2026-06-01T08:00:00Z'));
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    const settings = await h.services.directory.getSettings(TEST_TENANT);
    await h.services.directory.saveSettings(
      TEST_TENANT,
      { ...settings, retentionDaysAfterClosure: 30 },
      'test',
      clock.now(),
    );
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('stamps every document of the case, in both containers, whatever its type; only the assigned jobformidler may close', async () => {
    const jf = h.user('Jonna');
    const intruder = h.user('Ib');
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-RET1-AAAA', jobformidlerId: jf.aadObjectId });
    await seedCase(h.services, { tenantId: OTHER_TENANT, caseRef: 'FR-RET1-AAAA', jobformidlerId: jf.aadObjectId });

    await expect(
      closeCase(contextFor(h.services, actorOf(intruder, ['jobformidler']), clock.now()), 'FR-RET1-AAAA', {
        date: '2026-06-01',
        reason: 'EMPLOYED_SELF_SUPPORTING',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await caseDocs(h.services, TEST_TENANT, 'FR-RET1-AAAA')).some((d) => d.ttl !== undefined)).toBe(false);

    const result = await closeCase(contextFor(h.services, actorOf(jf, ['jobformidler']), clock.now()), 'FR-RET1-AAAA', {
      date: '2026-06-01',
      reason: 'EMPLOYED_SELF_SUPPORTING',
    });
    // The four seeded documents and the case facts (rebuilt as the case closed) carry the stamp.
    expect(result).toEqual({ status: 'applied', documents: 5, expiresAt: '2026-06-30T22:00:00.000Z' });
    const docs = await caseDocs(h.services, TEST_TENANT, 'FR-RET1-AAAA');
    expect(docs.map((d) => d.type).sort()).toEqual([
      'case',
      'case_facts',
      'followup',
      'screening_answers',
      'weekly_hours',
    ]);
    for (const d of docs) expect(d).toMatchObject({ expiresAt: '2026-06-30T22:00:00.000Z', ttl: expect.any(Number) });
    expect(docs.find((d) => d.type === 'case')).toMatchObject({ status: 'CLOSED', closure: { date: '2026-06-01' } });
    // The other municipality's case with the same ref, in the same partition, is untouched.
    expect((await caseDocs(h.services, OTHER_TENANT, 'FR-RET1-AAAA')).some((d) => d.ttl !== undefined)).toBe(false);
    const audit = await allItems(h.services.store.containers.audit);
    expect(audit.filter((e) => e.action === 'case.close').map((e) => e.outcome)).toEqual(['denied', 'ok']);
  });

  it('the sweep keeps everything before expiry, then erases the closed case whole, once per tenant per day', async () => {
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-OPEN-0001' });
    // Written after closure without a stamp (e.g. a late projection rebuild): goes with the case.
    await h.services.store.containers.cases.items.create({
      id: caseDocId(TEST_TENANT, 'late_doc'),
      tenantId: TEST_TENANT,
      type: 'late_doc',
      schemaVersion: 1,
      caseRef: 'FR-RET1-AAAA',
    });
    clock.set(new Date('2026-06-29T08:00:00Z'));
    let report = await purgeExpired(h.services, clock.now());
    expect(report.casesErased).toBe(0);
    expect(await caseDocs(h.services, TEST_TENANT, 'FR-RET1-AAAA')).toHaveLength(6);

    clock.set(new Date('2026-07-01T08:00:00Z'));
    await h.app.scheduler.runAllOnce(); // the registered job, as the scheduler runs it
    expect(await caseDocs(h.services, TEST_TENANT, 'FR-RET1-AAAA')).toEqual([]);
    expect(await caseDocs(h.services, TEST_TENANT, 'FR-OPEN-0001')).toHaveLength(4);
    expect(await caseDocs(h.services, OTHER_TENANT, 'FR-RET1-AAAA')).toHaveLength(4);
    const purged = (await allItems(h.services.store.containers.audit)).filter((e) => e.action === 'case.purge');
    expect(purged).toEqual([
      expect.objectContaining({
        caseRef: 'FR-RET1-AAAA',
        actorId: 'system:retention',
        channel: 'system',
        kind: 'write',
      }),
    ]);
    const claims = (await allItems(h.services.store.containers.runs)).filter((d) => d.key === 'purge:2026-07-01');
    expect(claims.map((c) => c.tenantId)).toEqual([TEST_TENANT]);

    // Same day: the tenant is claimed already, so a second instance does nothing.
    report = await purgeExpired(h.services, clock.now(), 'instance-2');
    expect(report.tenants).toEqual([]);
  });

  it('a case opened again loses its stamp and is not purged', async () => {
    const jf = h.user('Jytte');
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-REOPEN-01', jobformidlerId: jf.aadObjectId });
    const ctx = contextFor(h.services, actorOf(jf, ['jobformidler']), clock.now());
    await closeCase(ctx, 'FR-REOPEN-01', { date: '2026-07-01', reason: 'MOVED' });
    const cases = new CaseRepository(h.services.store);
    const closed = await cases.get(TEST_TENANT, 'FR-REOPEN-01');
    await cases.replace({ ...closed!, status: 'ACTIVE', closure: undefined });
    expect(await applyRetention(h.services, TEST_TENANT, 'FR-REOPEN-01', clock.now())).toEqual({
      status: 'lifted',
      documents: 5,
    });
    clock.set(new Date('2026-09-01T08:00:00Z'));
    await purgeExpired(h.services, clock.now());
    const docs = await caseDocs(h.services, TEST_TENANT, 'FR-REOPEN-01');
    expect(docs).toHaveLength(5);
    expect(docs.every((d) => d.ttl === undefined && d.expiresAt === undefined)).toBe(true);
  });

  it('purges expired audit entries, claims and turn state, and keeps the rest', async () => {
    clock.set(new Date('2027-03-01T08:00:00Z'));
    const now = clock.now();
    await addAuditEntry(h.services, {
      tenantId: TEST_TENANT,
      caseRef: 'FR-AUD-0001',
      at: new Date(now.getTime() - 200 * DAY).toISOString(),
      purpose: 'follow_up',
    });
    await addAuditEntry(h.services, {
      tenantId: TEST_TENANT,
      caseRef: 'FR-AUD-0001',
      at: new Date(now.getTime() - 10 * DAY).toISOString(),
      purpose: 'screening',
    });
    await claimOnce(
      h.services.store.containers.runs,
      TEST_TENANT,
      'old-claim',
      new Date(now.getTime() - 90 * DAY),
      'x',
      60,
    );
    await claimOnce(h.services.store.containers.runs, TEST_TENANT, 'fresh-claim', now, 'x', 60);
    await h.services.store.containers.botstate.items.create({ id: 'stale-turn-state', key: 'k', state: {}, ttl: 60 });

    await purgeExpired(h.services, clock.now());

    const audit = (await allItems(h.services.store.containers.audit)).filter((e) => e.caseRef === 'FR-AUD-0001');
    expect(audit.map((e) => e.purpose)).toEqual(['screening']);
    const keys = (await allItems(h.services.store.containers.runs)).map((d) => d.key);
    expect(keys).toContain('fresh-claim');
    expect(keys).not.toContain('old-claim');
    expect(await countItems(h.services.store.containers.botstate, "WHERE c.id = 'stale-turn-state'")).toBe(0);
    // Nothing in the audit log that has not expired is ever deleted.
    for (const e of await allItems(h.services.store.containers.audit))
      expect(Date.parse(String(e.expiresAt))).toBeGreaterThan(now.getTime());
  });
});
