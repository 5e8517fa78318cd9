import { type BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { withJobformidler } from '../harness/jobformidler-fixture';
import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { stampNew } from '../../bot/domain/case-work-doc';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { CaseRepository, type CaseDoc } from '../../bot/store/case-repository';
import { PlacementRepository } from '../../bot/store/placement-repository';
import { ProgressionRepository, measurementDocId } from '../../bot/store/progression-repository';
import { handedOverCase } from '../case/fixtures';

describe('Mine borgere', () => {
  // Monday 10 March 2025, 09:30 in Copenhagen.
  const now = new Date('2025-03-10T08:30:00Z');
  const clock = new ManualClock(now);
  let h: BotHarness;
  let jf: TestUser;
  withJobformidler(clock, (ready) => ({ h, jf } = ready));

  it('lists only my cases, the most pressing first over the whole caseload, with counts over all of it, and pages', async () => {
    const other = await h.userWithRoles('Olga', ['jobformidler']);
    await handedOverCase(h.services, other, { caseRef: 'ZZ-OTHER-1' });
    // Fresh cases sort first by case number; the pressing ones sort last, so a page in case-number
    // order would show none of them.
    for (let i = 0; i < 10; i++)
      await handedOverCase(h.services, jf, { caseRef: `B${i}-FRESH`, conversationAt: '2025-03-05', status: 'ACTIVE' });
    // 42 days after 27 January is today; 50 days after 19 January is overdue; 30 days ago is "soon".
    await handedOverCase(h.services, jf, { caseRef: 'ZA-SOON', conversationAt: '2025-02-08', status: 'ACTIVE' });
    await handedOverCase(h.services, jf, { caseRef: 'ZB-DUE', conversationAt: '2025-01-27', status: 'ACTIVE' });
    await handedOverCase(h.services, jf, { caseRef: 'ZC-OVERDUE', conversationAt: '2025-01-19', status: 'ACTIVE' });
    await handedOverCase(h.services, jf, {
      caseRef: 'ZD-OVERDUE-MORE',
      conversationAt: '2025-01-10',
      status: 'ACTIVE',
    });

    const first = await h.say(jf, 'mine borgere');
    const page1 = cardText(first.cards[0]);
    expect(page1).toContain('Mine borgere');
    expect(page1).toContain('Opfølgning: 2 overskredet · 1 i dag · 1 snart');
    expect(page1).toContain('Åbne sager: 14 · side 1 af 2');
    expect(page1).toContain('Opfølgning i dag');
    expect(page1).toContain('Opfølgning overskredet med 8 dage');
    expect(page1).toContain('Opfølgning snart (22.03.2025)');
    expect(page1).not.toContain('ZZ-OTHER-1');
    const opened = actionsOf(first.cards[0])
      .filter((a) => a.verb === 'case.open')
      .map((a) => a.data.caseRef);
    expect(opened).toHaveLength(10);
    // Longest overdue first, then overdue, due today, soon; then the rest by their next follow-up.
    expect(opened.slice(0, 4)).toEqual(['ZD-OVERDUE-MORE', 'ZC-OVERDUE', 'ZB-DUE', 'ZA-SOON']);

    const next = actionsOf(first.cards[0]).find((a) => a.verb === 'caseload.open');
    expect(next?.title).toBe('Næste side');
    const second = await h.execute(jf, 'caseload.open', next?.data ?? {});
    const page2 = actionsOf(second.card)
      .filter((a) => a.verb === 'case.open')
      .map((a) => a.data.caseRef);
    expect(page2).toHaveLength(4);
    expect(new Set([...opened, ...page2]).size).toBe(14);
    // The counts are the same on every page: they are over the whole caseload.
    expect(cardText(second.card)).toContain('Opfølgning: 2 overskredet · 1 i dag · 1 snart');
    expect(cardText(second.card)).toContain('side 2 af 2');
    expect(actionsOf(second.card).map((a) => a.title)).toContain('Forrige side');

    // A button from a card drawn before the caseload was ordered (a continuation token) opens page 1.
    const old = await h.execute(jf, 'caseload.open', { continuationToken: 'not-a-token' });
    expect(
      actionsOf(old.card)
        .filter((a) => a.verb === 'case.open')
        .map((a) => a.data.caseRef)
        .slice(0, 1),
    ).toEqual(['ZD-OVERDUE-MORE']);
  });

  it('is readable: no emoji (empty boxes without an emoji font) and no light amber text', async () => {
    const card = (await h.say(jf, 'mine borgere')).cards[0];
    expect(cardText(card)).not.toMatch(/[\u2300-\u23ff\u2600-\u27bf\u{1F000}-\u{1FAFF}\uFE0F]/u);
    expect(JSON.stringify(card)).not.toContain('"color":"Warning"');
    expect(cardText(card)).toContain('Opfølgning overskredet med 8 dage');
  });

  it('follows up every 14 days during an active placement', async () => {
    const caseRef = await handedOverCase(h.services, jf, { conversationAt: '2025-02-20', status: 'ACTIVE' });
    const facts = new CaseFactsRepository(h.services.store);
    await facts.rebuild(jf.tenantId, caseRef, defaultTenantSettings(), now);
    const before = await h.execute(jf, 'case.open', { caseRef });
    expect(cardText(before.card)).not.toContain('overskredet');
    await new PlacementRepository(h.services.store).save(
      {
        id: caseDocId(jf.tenantId, 'placement', 'p1'),
        tenantId: jf.tenantId,
        caseRef,
        type: 'placement',
        ...stampNew(jf.aadObjectId, now),
        placementId: 'p1',
        placementType: 'COMPANY_INTERNSHIP',
        startDate: '2025-03-03',
        plannedEndDate: '2025-05-30',
        status: 'ACTIVE',
      },
      undefined,
    );
    await facts.rebuild(jf.tenantId, caseRef, defaultTenantSettings(), now);
    const after = await h.execute(jf, 'case.open', { caseRef });
    expect(cardText(after.card)).toContain('Opfølgning overskredet med 4 dage');
    expect(cardText(after.card)).toContain('hver 2. uge (i forløb)');
  });

  it('flags a due progression measurement, and no longer once it is measured', async () => {
    const kim = await h.userWithRoles('Kim', ['jobformidler']);
    await handedOverCase(h.services, kim, { caseRef: 'PR-BASE', conversationAt: '2025-03-05', status: 'ACTIVE' });
    const before = cardText((await h.say(kim, 'mine borgere')).cards[0]);
    expect(before).toContain('Tid til progressionsmåling (05.03.2025)');

    await new ProgressionRepository(h.services.store).createDraft({
      id: measurementDocId(kim.tenantId, 'm-pr-base'),
      tenantId: kim.tenantId,
      type: 'progression_measurement',
      schemaVersion: 1,
      caseRef: 'PR-BASE',
      measurementId: 'm-pr-base',
      status: 'COMPLETED',
      indicatorSetId: 'g1-vej-mod-ordinaere-timer',
      indicatorSetVersion: 1,
      context: 'BASELINE',
      participants: ['CITIZEN'],
      measuredAt: '2025-03-07',
      scores: [],
      cursor: 0,
      agreedWithCitizen: true,
      meanScore: 5,
      conductedBy: kim.aadObjectId,
      startedAt: '2025-03-07T10:00:00.000Z',
      updatedAt: '2025-03-07T10:00:00.000Z',
      completedAt: '2025-03-07T10:00:00.000Z',
    });
    await new CaseFactsRepository(h.services.store).rebuild(kim.tenantId, 'PR-BASE', defaultTenantSettings(), now);
    const after = cardText((await h.say(kim, 'mine borgere')).cards[0]);
    expect(after).toContain('PR-BASE');
    expect(after).not.toContain('Tid til progressionsmåling');
  });

  it('calls a progression measurement due only where one applies: active group 1, from the first job conversation', async () => {
    const mia = await h.userWithRoles('Mia', ['jobformidler']);
    const cases = new CaseRepository(h.services.store);
    const facts = new CaseFactsRepository(h.services.store);
    const edit = async (caseRef: string, change: (c: CaseDoc) => CaseDoc): Promise<void> => {
      const current = await cases.get(mia.tenantId, caseRef);
      if (current === undefined) throw new Error(caseRef);
      await cases.replace({ ...change(current), _etag: current._etag });
      await facts.rebuild(mia.tenantId, caseRef, defaultTenantSettings(), clock.now());
    };
    // Visited into group 1 on 5 March; the first job conversation is booked for Friday 14 March.
    await handedOverCase(h.services, mia, { caseRef: 'PA-BOOKED', conversationAt: '2025-03-05' });
    await edit('PA-BOOKED', (c) => ({
      ...c,
      visitation: c.visitation && { ...c.visitation, firstJobConversationBookedFor: '2025-03-14' },
    }));
    // Paused, and group 2 (an owner from the rehabilitation track): never measured.
    await handedOverCase(h.services, mia, { caseRef: 'PB-PAUSED', conversationAt: '2025-01-06', status: 'PAUSED' });
    await handedOverCase(h.services, mia, { caseRef: 'PC-GROUP2', conversationAt: '2025-01-06', status: 'VISITED' });
    await edit('PC-GROUP2', (c) => ({
      ...c,
      visitation: c.visitation && { ...c.visitation, group: 'G2_REHABILITATION' },
    }));
    // Active in group 1 since January, never measured: due.
    await handedOverCase(h.services, mia, { caseRef: 'PD-DUE', conversationAt: '2025-01-06' });

    const rowOf = (card: unknown, caseRef: string): string => {
      const text = cardText(card);
      const start = text.indexOf(`**${caseRef}**`);
      const end = text.indexOf('**', start + caseRef.length + 4);
      return text.slice(start, end === -1 ? undefined : end);
    };
    const before = (await h.say(mia, 'mine borgere')).cards[0];
    expect(rowOf(before, 'PD-DUE')).toContain('Tid til progressionsmåling (06.01.2025)');
    expect(rowOf(before, 'PA-BOOKED')).not.toMatch(/progressionsmåling/i);
    expect(rowOf(before, 'PB-PAUSED')).not.toMatch(/progressionsmåling/i);
    expect(rowOf(before, 'PC-GROUP2')).not.toMatch(/progressionsmåling/i);
    expect(cardText(before)).toContain('Progressionsmålinger, der skal laves: 1');

    // On the day of the first job conversation the baseline is due.
    clock.set(new Date('2025-03-14T08:30:00Z'));
    try {
      const onTheDay = (await h.say(mia, 'mine borgere')).cards[0];
      expect(rowOf(onTheDay, 'PA-BOOKED')).toContain('Tid til progressionsmåling (14.03.2025)');
      expect(cardText(onTheDay)).toContain('Progressionsmålinger, der skal laves: 2');
    } finally {
      clock.set(now);
    }
  });

  it('is for jobformidlere only', async () => {
    const leader = await h.userWithRoles('Lea', ['leder']);
    const r = await h.say(leader, 'mine borgere');
    expect(r.texts.join()).toContain('Det har din rolle ikke adgang til');
    const e = await h.execute(leader, 'caseload.open', {});
    expect(cardText(e.card)).toContain('Det har din rolle ikke adgang til');
  });
});
