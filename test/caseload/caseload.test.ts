import { BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { stampNew } from '../../bot/domain/case-work-doc';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { PlacementRepository } from '../../bot/store/placement-repository';
import { ProgressionRepository, measurementDocId } from '../../bot/store/progression-repository';
import { handedOverCase } from '../case/fixtures';

describe('Mine borgere', () => {
  // Monday 10 March 2025, 09:30 in Copenhagen.
  const now = new Date('2025-03-10T08:30:00Z');
  let h: BotHarness;
  let jf: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({ clock: new ManualClock(now) });
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('lists only my cases, flags due and overdue follow-ups, and pages with continuation tokens', async () => {
    const other = await h.userWithRoles('Olga', ['jobformidler']);
    await handedOverCase(h.services, other, { caseRef: 'ZZ-OTHER-1' });
    // 42 days after 27 January is today; 50 days after 19 January is overdue; 30 days ago is "soon".
    await handedOverCase(h.services, jf, { caseRef: 'AA-DUE', conversationAt: '2025-01-27', status: 'ACTIVE' });
    await handedOverCase(h.services, jf, { caseRef: 'AB-OVERDUE', conversationAt: '2025-01-19', status: 'ACTIVE' });
    await handedOverCase(h.services, jf, { caseRef: 'AC-SOON', conversationAt: '2025-02-08', status: 'ACTIVE' });
    for (let i = 0; i < 9; i++)
      await handedOverCase(h.services, jf, { caseRef: `B${i}-FRESH`, conversationAt: '2025-03-05', status: 'ACTIVE' });

    const first = await h.say(jf, 'mine borgere');
    const page1 = cardText(first.cards[0]);
    expect(page1).toContain('Mine borgere');
    expect(page1).toContain('AA-DUE');
    expect(page1).toContain('Opfølgning i dag');
    expect(page1).toContain('Opfølgning overskredet med 8 dage');
    expect(page1).toContain('Opfølgning snart (22.03.2025)');
    expect(page1).toContain('1 overskredet · 1 i dag · 1 snart');
    expect(page1).not.toContain('ZZ-OTHER-1');
    expect(actionsOf(first.cards[0]).filter((a) => a.verb === 'case.open')).toHaveLength(10);
    const next = actionsOf(first.cards[0]).find((a) => a.verb === 'caseload.open');
    expect(next?.data.continuationToken).toEqual(expect.any(String));

    const second = await h.execute(jf, 'caseload.open', { continuationToken: next?.data.continuationToken });
    expect(actionsOf(second.card).filter((a) => a.verb === 'case.open')).toHaveLength(2);
    expect(cardText(second.card)).toContain('B8-FRESH');
    expect(actionsOf(second.card).map((a) => a.title)).toContain('Første side');

    // A token that cannot be used any more starts again from the first page instead of failing.
    const broken = await h.execute(jf, 'caseload.open', { continuationToken: 'not-a-token' });
    expect(cardText(broken.card)).toContain('AA-DUE');
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

  it('is for jobformidlere only', async () => {
    const leader = await h.userWithRoles('Lea', ['leder']);
    const r = await h.say(leader, 'mine borgere');
    expect(r.texts.join()).toContain('Det har din rolle ikke adgang til');
    const e = await h.execute(leader, 'caseload.open', {});
    expect(cardText(e.card)).toContain('Det har din rolle ikke adgang til');
  });
});
