import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { computeDigest } from '../../bot/features/digest/metrics/digest-metrics';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { BotHarness, TEST_TENANT, cardText, type TestUser } from '../harness/bot-harness';
import { documentsOf } from '../privacy/fixtures';
import { installIn, team } from '../digest/digest-seed';
import { click, completeScreening } from '../screening/screening-driver';

/**
 * Re-visitation (issue 15 item 3): group 2 → group 1 when the citizen is ready, and back, by the
 * screener, a leader of the case's team or a visitation panel member (myndighedssagsbehandler), with
 * rationale and date; the history stays, and the digest counts each period in the group it was in.
 */
describe('re-visitation: a visitation can be changed, and the history stays', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const holdet = team('revisit');
  let h: BotHarness;
  let anna: TestUser;
  let mia: TestUser;
  let jonas: TestUser;
  let lea: TestUser;
  let otherLeader: TestUser;
  let caseRef: string;
  const cases = () => new CaseRepository(h.services.store);

  async function change(by: TestUser, basics: Record<string, string>, details: Record<string, string>) {
    const open = await h.execute(by, 'visitation.change', { caseRef });
    const step2 = await click(h, by, open.card, 'visitation.change.next', basics);
    return click(h, by, step2.card, 'visitation.change.save', details);
  }

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    anna = await h.userWithRoles('Anna Screener', ['screener']);
    mia = await h.userWithRoles('Mia Myndighed', ['myndighedssagsbehandler']);
    jonas = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    lea = await h.userWithRoles('Lea Leder', ['leder']);
    otherLeader = await h.userWithRoles('Ib Andenleder', ['leder']);
    await h.install(jonas);
    await installIn(h, lea, holdet);
    h.connector.setRoster(holdet.teamId, [{ aadObjectId: lea.aadObjectId }, { aadObjectId: jonas.aadObjectId }]);
    const screened = await completeScreening(h, anna, 'REVISIT-1');
    caseRef = screened.caseRef;
    const open = await click(h, anna, screened.card, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: 'G2_REHABILITATION',
      conversationAt: '2026-03-02',
      rationale: 'NEEDS_REHABILITATION_CLARIFICATION',
    });
    await click(h, anna, step2.card, 'visitation.save', { ownerId: mia.aadObjectId, rehabTeamMeetingAt: '2026-03-12' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the visitation panel moves the citizen from group 2 to group 1 when ready; the jobformidler is told', async () => {
    clock.set(new Date('2026-03-16T09:00:00Z'));
    const open = await h.execute(mia, 'visitation.change', { caseRef });
    expect(cardText(open.card)).toContain('Nu: Gruppe 2 – Rehabilitering siden 2. marts 2026.');
    const since = h.connector.calls.length;
    const saved = await change(
      mia,
      { group: 'G1_INTERVENTION', conversationAt: '2026-03-16', rationale: 'READY_FOR_ORDINARY_HOURS' },
      { jobformidlerId: jonas.aadObjectId, firstJobConversationAt: '2026-03-19' },
    );
    expect(cardText(saved.card)).toContain(
      'Tidligere: Gruppe 2 – Rehabilitering fra 2. marts 2026 til 16. marts 2026.',
    );
    expect(cardText(saved.card)).toContain('Jonas Jobformidler har fået besked i Teams.');
    const doc = await cases().get(TEST_TENANT, caseRef);
    expect(doc).toMatchObject({
      status: 'ACTIVE',
      assignedJobformidlerId: jonas.aadObjectId,
      visitation: { group: 'G1_INTERVENTION', effectiveFrom: '2026-03-16', decidedBy: mia.aadObjectId },
      visitationHistory: [{ group: 'G2_REHABILITATION', effectiveFrom: '2026-03-02', effectiveTo: '2026-03-16' }],
      jobformidlerHistory: [{ userId: jonas.aadObjectId, from: '2026-03-16' }],
    });
    expect(doc?.caseworkerId).toBeUndefined();
    expect(
      h.connector.sentSince(since).filter((c) => c.conversationId === h.personalConversationId(jonas)),
    ).toHaveLength(1);
    // The group 2 owner has no case any more; the jobformidler has.
    expect(cardText((await h.execute(mia, 'rehab.open', { caseRef })).card)).toContain('Du har ikke adgang');
    expect(cardText((await h.say(jonas, `sag ${caseRef}`)).cards[0])).toContain(caseRef);
  });

  it('refuses a change to the group the case is already in, and leaders outside the case’s team', async () => {
    const open = await h.execute(anna, 'visitation.change', { caseRef });
    const same = await click(h, anna, open.card, 'visitation.change.next', {
      group: 'G1_INTERVENTION',
      conversationAt: '2026-03-16',
      rationale: 'READY_FOR_ORDINARY_HOURS',
    });
    expect(cardText(same.card)).toContain('Sagen er allerede i denne gruppe');
    const foreign = await h.execute(otherLeader, 'visitation.change', { caseRef });
    expect(cardText(foreign.card)).toContain('Du har ikke adgang til denne sag');
    // (The first turn recorded Ib and his 1:1 chat; from here nothing may change.)
    const before = await documentsOf(h.services);
    const forged = await h.execute(otherLeader, 'visitation.change.save', {
      caseRef,
      group: 'G2_REHABILITATION',
      conversationAt: '2026-03-16',
      rationale: 'OTHER',
      ownerId: mia.aadObjectId,
      rehabTeamMeetingAt: '2026-04-01',
    });
    expect(cardText(forged.card)).toContain('Du har ikke adgang til denne sag');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('the leader of the jobformidler’s team moves the citizen back to group 2; each period counts in its group', async () => {
    clock.set(new Date('2026-04-06T08:00:00Z'));
    const saved = await change(
      lea,
      { group: 'G2_REHABILITATION', conversationAt: '2026-04-06', rationale: 'NEEDS_REHABILITATION_CLARIFICATION' },
      { ownerId: mia.aadObjectId, rehabTeamMeetingAt: '2026-04-20' },
    );
    expect(cardText(saved.card)).toContain(
      'Tidligere: Gruppe 1 – Indsatsgruppen fra 16. marts 2026 til 6. april 2026.',
    );
    const doc = await cases().get(TEST_TENANT, caseRef);
    expect(doc).toMatchObject({
      status: 'VISITED',
      caseworkerId: mia.aadObjectId,
      visitationHistory: [
        { group: 'G2_REHABILITATION', effectiveFrom: '2026-03-02', effectiveTo: '2026-03-16' },
        { group: 'G1_INTERVENTION', effectiveFrom: '2026-03-16', effectiveTo: '2026-04-06' },
      ],
      jobformidlerHistory: [{ userId: jonas.aadObjectId, from: '2026-03-16', to: '2026-04-06' }],
    });
    expect(doc?.assignedJobformidlerId).toBeUndefined();
    expect((await h.say(jonas, `sag ${caseRef}`)).texts[0]).toContain('Du har ikke adgang til denne sag');

    const facts = await new CaseFactsRepository(h.services.store).get(TEST_TENANT, caseRef);
    expect(facts?.visitations.map((v) => [v.group, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['G2_REHABILITATION', '2026-03-02', '2026-03-16'],
      ['G1_INTERVENTION', '2026-03-16', '2026-04-06'],
      ['G2_REHABILITATION', '2026-04-06', undefined],
    ]);
    expect(facts?.g1Intervals).toEqual([{ from: '2026-03-16', to: '2026-04-06' }]);
    // The digest of the week that ended on 29 March counts the case in group 1 (M1's denominator);
    // the week after 6 April does not count it as active in group 1 on its last day.
    const settings = defaultTenantSettings();
    const march = computeDigest({ asOf: '2026-03-30', isoWeek: '2026-W14', settings }, [facts!]).aggregates;
    expect(march.m1.point.denominator).toBe(1);
    const april = computeDigest({ asOf: '2026-04-13', isoWeek: '2026-W16', settings }, [facts!]).aggregates;
    expect(april.m1.point.denominator).toBe(0);
    expect(april.m1.share.denominator).toBe(1); // it was in group 1 on some day of the 13 weeks
  });
});
