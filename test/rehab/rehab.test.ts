import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { rehabNudgeJob } from '../../bot/features/rehab/rehab-nudge';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { caseDocs, documentsOf } from '../privacy/fixtures';
import { inputValues } from '../case/fixtures';
import { click, completeScreening } from '../screening/screening-driver';

/**
 * Group 2, the rehabilitation track (issue 15 item 1), over HTTP: the case gets an owner at
 * visitation, the owner finds it in "Mine borgere", records the rehabilitation team meeting and its
 * recommendation, is nudged when the meeting date passes without an entry, and closes the case,
 * which starts its retention clock.
 */
describe('group 2: owner, rehabilitation team meeting, recommendation and closure', () => {
  // Monday 2 March 2026, 10:00 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  let anna: TestUser;
  let mia: TestUser;
  let jonas: TestUser;
  let caseRef: string;
  const cases = () => new CaseRepository(h.services.store);

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    anna = await h.userWithRoles('Anna Screener', ['screener']);
    mia = await h.userWithRoles('Mia Myndighed', ['myndighedssagsbehandler']);
    jonas = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    await h.install(mia);
    const screened = await completeScreening(h, anna, 'REHAB-0001');
    caseRef = screened.caseRef;
    const open = await click(h, anna, screened.card, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: 'G2_REHABILITATION',
      conversationAt: '2026-03-02',
      rationale: 'NEEDS_REHABILITATION_CLARIFICATION',
    });
    await click(h, anna, step2.card, 'visitation.save', { ownerId: mia.aadObjectId, rehabTeamMeetingAt: '2026-03-20' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the owner finds the group 2 citizen in "Mine borgere" and opens the rehabilitation card', async () => {
    const mine = await h.say(mia, 'mine borgere');
    expect(cardText(mine.cards[0])).toContain('**REHAB-0001** · Gruppe 2');
    expect(cardText(mine.cards[0])).toContain('Møde i rehabiliteringsteamet: 20.03.2026');
    const open = actionsOf(mine.cards[0]).find((a) => a.data.caseRef === caseRef);
    expect(open?.verb).toBe('rehab.open');
    const card = await h.execute(mia, 'rehab.open', { caseRef });
    expect(cardText(card.card)).toContain('Rehabilitering – sag REHAB-0001');
    expect(cardText(card.card)).toContain('Mia Myndighed');
    // Nobody else: not a jobformidler who does not own it, not the screener.
    for (const other of [jonas, anna]) {
      const refused = await h.execute(other, 'rehab.open', { caseRef });
      expect(cardText(refused.card)).not.toContain('Rehabilitering – sag');
    }
    expect(cardText((await h.say(jonas, 'mine borgere')).cards[0])).not.toContain('REHAB-0001');
  });

  it('refuses a recommendation without its date inline, keeps what was typed and writes nothing', async () => {
    const card = await h.execute(mia, 'rehab.open', { caseRef });
    const before = await documentsOf(h.services);
    const refused = await click(h, mia, card.card, 'rehab.save', {
      ...inputValues(card.card),
      meetingHeldAt: '2026-03-02',
      recommendation: 'FLEXJOB',
      recommendedAt: '',
    });
    expect(cardText(refused.card)).toContain('Skriv datoen for indstillingen, når der er en indstilling.');
    expect(inputValues(refused.card)).toMatchObject({ meetingHeldAt: '2026-03-02', recommendation: 'FLEXJOB' });
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('nudges the owner once when the meeting date passes without an entry', async () => {
    const job = rehabNudgeJob(h.services);
    clock.set(new Date('2026-03-20T09:00:00Z')); // the meeting day itself: not yet
    const before = h.connector.calls.length;
    await job.run(clock.now());
    expect(h.connector.sentSince(before)).toHaveLength(0);
    clock.set(new Date('2026-03-23T08:30:00Z')); // Monday after, 09:30
    const since = h.connector.calls.length;
    await job.run(clock.now());
    await job.run(clock.now());
    const toMia = h.connector.sentSince(since).filter((c) => c.conversationId === h.personalConversationId(mia));
    expect(toMia).toHaveLength(1);
    expect(JSON.stringify(toMia[0]!.body)).toContain('Sag REHAB-0001: møde planlagt 20. marts 2026');
    const card = await h.execute(mia, 'rehab.open', { caseRef });
    expect(cardText(card.card)).toContain('Mødedatoen 20. marts 2026 er passeret');
  });

  it('records the meeting and the recommendation; the case facts carry them for M8', async () => {
    const card = await h.execute(mia, 'rehab.open', { caseRef });
    const saved = await click(h, mia, card.card, 'rehab.save', {
      ...inputValues(card.card), // Teams sends every input of the card
      meetingHeldAt: '2026-03-20',
      recommendation: 'FLEXJOB',
      recommendedAt: '2026-03-23',
    });
    expect(cardText(saved.card)).toContain('Gemt.');
    expect(cardText(saved.card)).toContain('Fleksjob (23. marts 2026)');
    expect(cardText(saved.card)).not.toContain('er passeret');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      rehab: {
        meetingAt: '2026-03-20',
        meetingHeldAt: '2026-03-20',
        recommendation: 'FLEXJOB',
        recommendedAt: '2026-03-23',
      },
    });
    expect(await new CaseFactsRepository(h.services.store).get(TEST_TENANT, caseRef)).toMatchObject({
      caseworkerId: mia.aadObjectId,
      rehab: { recommendation: 'FLEXJOB', recommendedAt: '2026-03-23' },
      visitations: [{ group: 'G2_REHABILITATION', effectiveFrom: '2026-03-02' }],
    });
    // An old card (drawn before this save) is refused, not silently applied over it.
    const stale = await click(h, mia, card.card, 'rehab.save', {
      recommendation: 'DISABILITY_PENSION',
      recommendedAt: '2026-03-23',
    });
    expect(cardText(stale.card)).toContain('En anden har gemt ændringer imens');
    expect((await cases().get(TEST_TENANT, caseRef))?.rehab?.recommendation).toBe('FLEXJOB');
  });

  it('the owner closes the case: its retention clock runs and it leaves "Mine borgere"', async () => {
    const card = await h.execute(mia, 'rehab.open', { caseRef });
    const form = await click(h, mia, card.card, 'rehab.close.open');
    const review = await click(h, mia, form.card, 'rehab.close.review', { reason: 'FLEXJOB', date: '2026-03-23' });
    expect(cardText(review.card)).toContain('Bekræft: afslut sag REHAB-0001');
    expect((await cases().get(TEST_TENANT, caseRef))?.status).toBe('VISITED');
    const done = await click(h, mia, review.card, 'rehab.close.confirm');
    expect(cardText(done.card)).toContain(
      'Sagen er afsluttet (Fleksjob, 23. marts 2026). Oplysningerne slettes 23. marts 2027.',
    );
    expect(actionsOf(done.card).map((a) => a.verb)).not.toContain('rehab.save');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-03-23', reason: 'FLEXJOB' },
    });
    const docs = await caseDocs(h.services, TEST_TENANT, caseRef);
    expect(docs.map((d) => d.type)).toEqual(
      expect.arrayContaining(['case', 'case_facts', 'screening', 'sensitive_facts']),
    );
    expect(docs.filter((d) => d.expiresAt !== '2027-03-22T23:00:00.000Z')).toEqual([]);
    expect(cardText((await h.say(mia, 'mine borgere')).cards[0])).not.toContain('REHAB-0001');
    const log = await h.services.audit.listForCase(TEST_TENANT, caseRef, { maxItemCount: 200 });
    expect(log.items.filter((e) => e.action === 'case.close').map((e) => [e.actorId, e.outcome])).toEqual([
      [mia.aadObjectId, 'ok'],
    ]);
  });
});
