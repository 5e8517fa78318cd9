import { BotHarness, type TestUser } from '../harness/bot-harness';
import { ManualClock } from '../../bot/domain/clock';
import { buildCaseFacts } from '../../bot/domain/case-facts-builder';
import { caseDocId } from '../../bot/domain/case';
import { stampNew } from '../../bot/domain/case-work-doc';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { readCaseWork } from '../../bot/store/case-work-partition';
import { FollowUpRepository } from '../../bot/store/follow-up-repository';
import { WeeklyHoursRepository } from '../../bot/store/weekly-hours-repository';
import { HkoRepository } from '../../bot/store/hko-repository';
import { CasePartition } from '../../bot/store/case-partition';
import { SensitiveFactsRepository } from '../../bot/store/sensitive-facts-repository';
import { handedOverCase } from './fixtures';

describe('case facts projection', () => {
  const now = new Date('2025-06-02T07:00:00Z');
  const settings = defaultTenantSettings();
  let h: BotHarness;
  let jf: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({ clock: new ManualClock(now) });
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
  });
  afterAll(async () => {
    await h?.stop();
  });

  const withoutTime = <T extends { rebuiltAt: string }>(f: T | undefined) =>
    f === undefined ? undefined : { ...f, rebuiltAt: '' };

  it('never goes stale under concurrent writes: the stored facts equal a fresh rebuild', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const tenantId = jf.tenantId;
    const facts = new CaseFactsRepository(h.services.store);
    const hours = new WeeklyHoursRepository(h.services.store);
    const followUps = new FollowUpRepository(h.services.store);
    const weeks = Array.from({ length: 12 }, (_, i) => `2025-W${String(10 + i).padStart(2, '0')}`);
    // Every writer writes its own document, then rebuilds, all at once (as several instances would).
    await Promise.all([
      ...weeks.map(async (isoWeek, i) => {
        await hours.save(
          {
            id: caseDocId(tenantId, 'hours', isoWeek),
            tenantId,
            caseRef,
            type: 'weekly_hours',
            ...stampNew(jf.aadObjectId, now),
            isoWeek,
            ordinaryHours: i + 1,
            practiceHours: 10,
            absenceHours: 0,
            source: 'PAYSLIP',
            corrections: [],
          },
          undefined,
        );
        await facts.rebuild(tenantId, caseRef, settings, now);
      }),
      ...['2025-05-05', '2025-05-19', '2025-05-26'].map(async (date, i) => {
        await followUps.save(
          {
            id: caseDocId(tenantId, 'followup', `f${i}`),
            tenantId,
            caseRef,
            type: 'follow_up',
            ...stampNew(jf.aadObjectId, now),
            followUpId: `f${i}`,
            date,
            contactType: 'JOB_CONVERSATION',
            mode: 'IN_PERSON',
            direction: 'CITIZEN_FACING',
            topics: [],
            outcome: 'CONTINUE',
            nextFollowUpDue: '2025-06-20',
          },
          undefined,
        );
        await facts.rebuild(tenantId, caseRef, settings, now);
      }),
    ]);
    const stored = await facts.get(tenantId, caseRef);
    const partition = await readCaseWork(h.services.store, tenantId, caseRef);
    const fresh = buildCaseFacts(partition!, settings, now);
    const { _etag, ...storedFacts } = stored!;
    expect(withoutTime(storedFacts)).toEqual(withoutTime(fresh));
    expect(stored?.weeks.map((w) => w.isoWeek)).toEqual(weeks);
    expect(stored?.contacts).toHaveLength(3);
    expect(stored?.lastCitizenContactAt).toBe('2025-05-26');
    expect(stored?.firstJobConversationAt).toBe('2025-05-05');
  });

  it('does not let a slow rebuild that read the partition before a write overwrite newer facts', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const tenantId = jf.tenantId;
    const hours = new WeeklyHoursRepository(h.services.store);
    const writeWeek = (isoWeek: string, ordinaryHours: number) =>
      hours.save(
        {
          id: caseDocId(tenantId, 'hours', isoWeek),
          tenantId,
          caseRef,
          type: 'weekly_hours',
          ...stampNew(jf.aadObjectId, now),
          isoWeek,
          ordinaryHours,
          practiceHours: 0,
          absenceHours: 0,
          source: 'EMPLOYER',
          corrections: [],
        },
        undefined,
      );
    await writeWeek('2025-W20', 5);
    // Rebuild 1 reads the partition (week 20 only), then stalls before saving …
    let release!: () => void;
    let reached!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const hasBuilt = new Promise<void>((resolve) => (reached = resolve));
    let pauses = 0;
    const slow = new CaseFactsRepository(h.services.store, {
      afterBuild: async () => {
        if (pauses++ > 0) return;
        reached();
        await stalled;
      },
    });
    const first = slow.rebuild(tenantId, caseRef, settings, now);
    await hasBuilt;
    // … meanwhile week 21 is written and its own rebuild lands.
    await writeWeek('2025-W21', 8);
    await new CaseFactsRepository(h.services.store).rebuild(tenantId, caseRef, settings, now);
    release();
    await first;
    const stored = await new CaseFactsRepository(h.services.store).get(tenantId, caseRef);
    expect(stored?.weeks.map((w) => w.isoWeek)).toEqual(['2025-W20', '2025-W21']);
    expect(pauses).toBe(2); // the stalled rebuild lost the race, read again and rebuilt
  });

  it("carries completed progression measurements and the next one due (the progression feature's rule)", async () => {
    const caseRef = await handedOverCase(h.services, jf, { conversationAt: '2025-03-03' });
    const tenantId = jf.tenantId;
    const measurement = (id: string, status: 'DRAFT' | 'COMPLETED', measuredAt: string) => ({
      id: caseDocId(tenantId, 'progression', id),
      tenantId,
      type: 'progression_measurement',
      schemaVersion: 1,
      caseRef,
      measurementId: id,
      status,
      indicatorSetId: 'gruppe1',
      indicatorSetVersion: 1,
      context: 'BASELINE',
      participants: ['CITIZEN'],
      measuredAt,
      scores: [],
      cursor: 0,
      agreedWithCitizen: true,
      ...(status === 'COMPLETED' ? { meanScore: 4.5 } : {}),
      conductedBy: jf.aadObjectId,
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await h.services.store.containers.cases.items.create(measurement('m1', 'COMPLETED', '2025-03-10'));
    await h.services.store.containers.cases.items.create(measurement('m2', 'DRAFT', '2025-05-20'));
    const facts = await new CaseFactsRepository(h.services.store).rebuild(tenantId, caseRef, settings, now);
    expect(facts?.progression).toEqual([
      { measuredAt: '2025-03-10', setId: 'gruppe1', setVersion: 1, meanScore: 4.5, context: 'BASELINE' },
    ]);
    expect(facts?.nextProgressionDue).toBe('2025-06-10'); // 92 days after the last one
  });

  it('keeps the retention stamp of a closed case when the facts are rebuilt', async () => {
    const caseRef = await handedOverCase(h.services, jf);
    const facts = new CaseFactsRepository(h.services.store);
    await facts.rebuild(jf.tenantId, caseRef, settings, now);
    await new CasePartition(h.services.store).stamp(jf.tenantId, caseRef, {
      ttl: 86400 * 365,
      expiresAt: '2026-06-02T00:00:00.000Z',
    });
    await facts.rebuild(jf.tenantId, caseRef, settings, now);
    expect(await facts.get(jf.tenantId, caseRef)).toMatchObject({
      ttl: 86400 * 365,
      expiresAt: '2026-06-02T00:00:00.000Z',
    });
  });

  it('keeps the screening part of the sensitive facts when HKO is rebuilt', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const tenantId = jf.tenantId;
    // The screening feature wrote its part first.
    await new SensitiveFactsRepository(h.services.store).update(tenantId, caseRef, now, (f) => ({
      ...f,
      screening: { conductedAt: '2025-02-20', outcome: 'INDICATION_WITH_JOB_IMPACT' },
    }));
    const hko = new HkoRepository(h.services.store);
    const facts = new CaseFactsRepository(h.services.store);
    await Promise.all(
      ['AID_WORK_TOOL', 'MENTOR_LAB', 'PREFERENTIAL_ACCESS'].map(async (hkoType, i) => {
        await hko.save(
          {
            id: caseDocId(tenantId, 'hko', `h${i}`),
            tenantId,
            caseRef,
            type: 'hko_application',
            ...stampNew(jf.aadObjectId, now),
            hkoId: `h${i}`,
            hkoType: hkoType as 'AID_WORK_TOOL',
            appliedAt: '2025-05-01',
            decidedAt: '2025-05-06',
            decision: 'GRANTED',
          },
          undefined,
        );
        await facts.rebuildSensitive(tenantId, caseRef, now);
      }),
    );
    const sensitive = await facts.getSensitive(tenantId, caseRef);
    expect(sensitive?.screening).toEqual({ conductedAt: '2025-02-20', outcome: 'INDICATION_WITH_JOB_IMPACT' });
    expect(sensitive?.hko.map((x) => x.type).sort()).toEqual(['AID_WORK_TOOL', 'MENTOR_LAB', 'PREFERENTIAL_ACCESS']);
  });
});
