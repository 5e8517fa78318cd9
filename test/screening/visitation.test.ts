import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import type { AdaptiveCard } from '../../cards/types';
import { caseDocs } from '../privacy/fixtures';
import { elementsOf } from '../case/fixtures';
import { click, completeScreening } from './screening-driver';
import { inputValues } from '../case/fixtures';

/** Every document of the case, in `cases` and `sensitive`, carries the retention stamp for `expiresAt`. */
async function expectRetention(h: BotHarness, caseRef: string, expiresAt: string): Promise<void> {
  const docs = await caseDocs(h.services, TEST_TENANT, caseRef);
  expect(docs.map((d) => d.type)).toEqual(
    expect.arrayContaining(['case', 'case_facts', 'screening', 'sensitive_facts']),
  );
  expect(docs.map((d) => [d.type, d.expiresAt])).toEqual(docs.map((d) => [d.type, expiresAt]));
  expect(docs.every((d) => typeof d.ttl === 'number' && d.ttl > 0)).toBe(true);
}

describe('visitation decision and handover to a personal jobformidler', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  const cases = () => new CaseRepository(h.services.store);

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
  });
  afterAll(async () => {
    await h?.stop();
  });
  afterEach(() => clock.set(new Date('2026-03-02T09:00:00Z')));

  /** A completed screening, then the visitation conversation a week later. */
  async function screened(screener: TestUser, caseNumber = ''): Promise<{ caseRef: string; summary: AdaptiveCard }> {
    const done = await completeScreening(h, screener, caseNumber);
    clock.set(new Date('2026-03-10T10:00:00Z'));
    return { caseRef: done.caseRef, summary: done.card };
  }

  const basics = {
    group: 'G1_INTERVENTION',
    conversationAt: '2026-03-10',
    rationale: 'READY_FOR_ORDINARY_HOURS',
    note: 'Motiveret for lager og logistik',
  };

  it('hands group 1 over: the case gets its jobformidler and first job conversation, and the jobformidler a 1:1 message', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const jens = await h.userWithRoles('Jens Jobformidler', ['jobformidler']);
    await h.install(jens); // Jens has Fremdrift in his personal chat
    const { caseRef, summary } = await screened(anna, '2026-77001');

    const open = await click(h, anna, summary, 'visitation.open');
    const step1 = cardText(open.card);
    expect(step1).toContain('Visitation – sag 2026-77001');
    expect(step1).toContain('Gruppe 1 – Indsatsgruppen');
    expect(step1).toContain('Gruppe 3 – Ikke beskæftigelsesrettet indsats');
    expect(step1).toContain('Ikke i målgruppen');
    expect(JSON.stringify(open.card)).toContain('"value":"2026-03-10"'); // today as the default date

    const step2 = await click(h, anna, open.card, 'visitation.next', basics);
    expect(cardText(step2.card)).toContain('Gruppe 1: personlig jobformidler og første jobsamtale');
    expect(cardText(step2.card)).toContain('Jens Jobformidler');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({ status: 'AWAITING_VISITATION' });

    const since = h.connector.calls.length;
    const saved = await click(h, anna, step2.card, 'visitation.save', {
      jobformidlerId: jens.aadObjectId,
      firstJobConversationAt: '2026-03-17',
    });
    const decided = cardText(saved.card);
    expect(decided).toContain('Visitation registreret');
    expect(decided).toContain('Jens Jobformidler');
    expect(decided).toContain('17. marts 2026');
    expect(decided).toContain('Jens Jobformidler har fået besked i Teams.');

    const caseDoc = await cases().get(TEST_TENANT, caseRef);
    expect(caseDoc).toMatchObject({
      status: 'ACTIVE',
      assignedJobformidlerId: jens.aadObjectId,
      jobformidlerHistory: [{ userId: jens.aadObjectId, from: '2026-03-10' }],
      visitation: {
        group: 'G1_INTERVENTION',
        conversationAt: '2026-03-10',
        decidedAt: '2026-03-10T10:00:00.000Z',
        decidedBy: anna.aadObjectId,
        effectiveFrom: '2026-03-10',
        rationaleCode: 'READY_FOR_ORDINARY_HOURS',
        note: 'Motiveret for lager og logistik',
        firstJobConversationBookedFor: '2026-03-17',
      },
    });

    const toJens = h.connector.sentSince(since).filter((c) => c.conversationId === h.personalConversationId(jens));
    expect(toJens).toHaveLength(1);
    const message = JSON.stringify(toJens[0]!.body);
    expect(message).toContain('Ny borger til dig');
    expect(message).toContain('2026-77001');
    expect(message).toContain('17. marts 2026');
    expect(message).toContain('Anna Screener');
    expect(message).not.toMatch(/DIFFICULTY|vanskelighed|Funktionsnedsættelse/i);
    const card = (toJens[0]!.body.attachments as { content: AdaptiveCard }[])[0]!.content;
    expect(actionsOf(card).map((a) => [a.verb, a.data.caseRef])).toEqual([
      ['case.open', '2026-77001'],
      ['caseload.open', undefined],
    ]);

    // A second click on the same button neither writes again nor tells Jens twice.
    const before = h.connector.calls.length;
    const again = await click(h, anna, step2.card, 'visitation.save', {
      jobformidlerId: jens.aadObjectId,
      firstJobConversationAt: '2026-03-24',
    });
    expect(cardText(again.card)).toContain('Sagen var allerede visiteret');
    expect(h.connector.sentSince(before)).toHaveLength(0);
    expect((await cases().get(TEST_TENANT, caseRef))?.visitation?.firstJobConversationBookedFor).toBe('2026-03-17');

    // Visited this week: listed as finished, no longer waiting.
    const list = await h.say(anna, 'mine screeninger');
    expect(actionsOf(list.cards[0]).some((a) => a.verb === 'visitation.open' && a.data.caseRef === caseRef)).toBe(
      false,
    );
  });

  it('suggests the visitation conversation booked at the end of the screening, not today', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const done = await completeScreening(h, anna); // books the visitation conversation for 10 March
    clock.set(new Date('2026-03-12T10:00:00Z')); // the decision is recorded two days later
    const open = await click(h, anna, done.card, 'visitation.open');
    expect(inputValues(open.card).conversationAt).toBe('2026-03-10');
    // From the command too.
    const typed = await h.say(anna, `visitation ${done.caseRef}`);
    expect(inputValues(typed.cards[0]).conversationAt).toBe('2026-03-10');
    // The screening's answers were not read for it: the look-up is logged as the visitation's own.
    const entries = (await h.services.audit.listForCase(TEST_TENANT, done.caseRef, { maxItemCount: 100 })).items;
    expect(entries.filter((e) => e.action === 'visitation.open').map((e) => e.purpose)).toEqual([
      'visitation',
      'visitation',
    ]);
  });

  it('tells the screener when the jobformidler cannot be messaged yet: they will see it in "Mine borgere"', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const nina = await h.userWithRoles('Nina Ny', ['jobformidler']); // never opened Fremdrift
    const { summary } = await screened(anna);
    const open = await click(h, anna, summary, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', { ...basics, note: '' });
    const saved = await click(h, anna, step2.card, 'visitation.save', {
      jobformidlerId: nina.aadObjectId,
      firstJobConversationAt: '2026-03-12',
    });
    expect(cardText(saved.card)).toContain('Nina Ny har ikke åbnet Fremdrift endnu og ser sagen i "Mine borgere".');
  });

  it('checks the decision inline: required fields, dates and a jobformidler who really has the role', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const leader = await h.userWithRoles('Lea Leder', ['leder']);
    await h.userWithRoles('Jonas', ['jobformidler']);
    const { caseRef, summary } = await screened(anna);
    const open = await click(h, anna, summary, 'visitation.open');
    const empty = await click(h, anna, open.card, 'visitation.next', { group: '', conversationAt: '' });
    expect(cardText(empty.card)).toContain(
      'Tjek de markerede felter: Gruppe, Dato for visitationssamtalen, Begrundelse. Intet er gemt endnu.',
    );
    expect(cardText(empty.card)).toContain('Udfyld "Gruppe".');
    const future = await click(h, anna, open.card, 'visitation.next', { ...basics, conversationAt: '2026-03-11' });
    expect(cardText(future.card)).toContain('Datoen kan senest være 2026-03-10.');
    const longNote = await click(h, anna, open.card, 'visitation.next', { ...basics, note: 'x'.repeat(201) });
    expect(cardText(longNote.card)).toContain('Højst 200 tegn.');

    const step2 = await click(h, anna, open.card, 'visitation.next', basics);
    const notAJobformidler = await click(h, anna, step2.card, 'visitation.save', {
      jobformidlerId: leader.aadObjectId,
      firstJobConversationAt: '2026-03-12',
    });
    expect(cardText(notAJobformidler.card)).toContain('Vælg en af jobformidlerne på listen.');
    const tooEarly = await click(h, anna, step2.card, 'visitation.save', { firstJobConversationAt: '2026-03-09' });
    expect(cardText(tooEarly.card)).toContain('Datoen kan tidligst være 2026-03-10.');
    expect(cardText(tooEarly.card)).toContain('Udfyld "Personlig jobformidler".');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({ status: 'AWAITING_VISITATION' });
    expect((await cases().get(TEST_TENANT, caseRef))?.visitation).toBeUndefined();

    const back = await click(h, anna, step2.card, 'visitation.back');
    expect(JSON.stringify(back.card)).toContain('"value":"READY_FOR_ORDINARY_HOURS"');
  });

  it('records group 2 with its owner and the rehabilitation team meeting, and tells the owner 1:1', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const mia = await h.userWithRoles('Mia Myndighed', ['myndighedssagsbehandler']);
    await h.install(mia);
    const { caseRef, summary } = await screened(anna);
    const open = await click(h, anna, summary, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: 'G2_REHABILITATION',
      conversationAt: '2026-03-09',
      rationale: 'NEEDS_REHABILITATION_CLARIFICATION',
    });
    expect(cardText(step2.card)).toContain('Møde i rehabiliteringsteamet');
    // Item 8: what is required is marked, so the screener knows before pressing "Gem visitation".
    const inputs = new Map(elementsOf(step2.card, 'Input.Date').map((i) => [i.id, i]));
    expect(inputs.get('rehabTeamMeetingAt')).toMatchObject({
      isRequired: true,
      errorMessage: 'Udfyld "Møde i rehabiliteringsteamet".',
    });
    expect(inputs.get('rehabPlanStartedAt')?.isRequired).toBeUndefined();
    expect(elementsOf(step2.card, 'Input.ChoiceSet').find((i) => i.id === 'ownerId')).toMatchObject({
      isRequired: true,
    });
    expect(cardText(step2.card)).toContain('Mia Myndighed');

    // Without the meeting date: the field is named, and what was typed is kept.
    const missing = await click(h, anna, step2.card, 'visitation.save', {
      ownerId: mia.aadObjectId,
      rehabTeamMeetingAt: '',
      rehabPlanStartedAt: '2026-03-09',
    });
    expect(cardText(missing.card)).toContain('Tjek de markerede felter: Møde i rehabiliteringsteamet.');
    expect(cardText(missing.card)).toContain('Udfyld "Møde i rehabiliteringsteamet".');
    expect(JSON.stringify(missing.card)).toContain('"value":"2026-03-09"');
    expect(JSON.stringify(missing.card)).toContain(`"value":"${mia.aadObjectId}"`);
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({ status: 'AWAITING_VISITATION' });

    const since = h.connector.calls.length;
    const saved = await click(h, anna, step2.card, 'visitation.save', {
      ownerId: mia.aadObjectId,
      rehabTeamMeetingAt: '2026-04-02',
      rehabPlanStartedAt: '2026-03-09',
    });
    expect(cardText(saved.card)).toContain('Rehabiliteringsteam');
    expect(cardText(saved.card)).toContain('Mia Myndighed har fået besked i Teams.');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'VISITED',
      caseworkerId: mia.aadObjectId,
      rehab: { meetingAt: '2026-04-02', planStartedAt: '2026-03-09' },
      visitation: {
        group: 'G2_REHABILITATION',
        g2: { rehabTeamMeetingAt: '2026-04-02', rehabPlanStartedAt: '2026-03-09' },
      },
    });
    expect((await cases().get(TEST_TENANT, caseRef))?.assignedJobformidlerId).toBeUndefined();
    const toMia = h.connector.sentSince(since).filter((c) => c.conversationId === h.personalConversationId(mia));
    expect(toMia).toHaveLength(1);
    expect(JSON.stringify(toMia[0]!.body)).toContain('Ny borger i gruppe 2 til dig');
    expect(JSON.stringify(toMia[0]!.body)).toContain('2. april 2026');
  });

  it('reminds about the notification to social services for group 3 and records its date', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const { caseRef, summary } = await screened(anna);
    const open = await click(h, anna, summary, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: 'G3_NOT_EMPLOYMENT_READY',
      conversationAt: '2026-03-10',
      rationale: 'SEVERE_SOCIAL_OR_HEALTH',
    });
    expect(cardText(step2.card)).toContain('Husk: Kommunen skal, hvis det er relevant, sende en underretning');
    expect(elementsOf(step2.card, 'Input.ChoiceSet').find((i) => i.id === 'notificationRecipient')).toMatchObject({
      isRequired: true,
    });
    expect(cardText(step2.card)).toContain('Dato for underretningen (skal udfyldes, når der sendes en underretning)');
    const missing = await click(h, anna, step2.card, 'visitation.save', { notificationRecipient: 'SOCIAL_SERVICES' });
    expect(cardText(missing.card)).toContain('Udfyld "Dato for underretningen');
    expect(JSON.stringify(missing.card)).toContain('"value":"SOCIAL_SERVICES"');
    const saved = await click(h, anna, step2.card, 'visitation.save', {
      notificationRecipient: 'SOCIAL_SERVICES',
      notificationDate: '2026-03-11',
    });
    // Issue 12 item 3: the case closes at the decision, so its art. 9 data gets a deletion date at once.
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-03-10', reason: 'REFERRED_TO_OTHER_SERVICES' },
      visitation: {
        group: 'G3_NOT_EMPLOYMENT_READY',
        g3: { recipient: 'SOCIAL_SERVICES', notificationDate: '2026-03-11' },
      },
    });
    // 365 days (the default period) from the start of 10 March 2026 in Copenhagen.
    await expectRetention(h, caseRef, '2027-03-09T23:00:00.000Z');
    expect(cardText(saved.card)).toContain('oplysningerne slettes 10. marts 2027');
    expect(actionsOf(saved.card).map((a) => a.verb)).toContain('case.reopen');
  });

  it('records "not in the target group" without further questions', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const { caseRef, summary } = await screened(anna);
    const open = await click(h, anna, summary, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: 'OUT_OF_SCOPE',
      conversationAt: '2026-03-10',
      rationale: 'OTHER_BENEFIT_OR_PROGRAMME',
    });
    await click(h, anna, step2.card, 'visitation.save');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-03-10', reason: 'NOT_IN_TARGET_GROUP' },
      visitation: { group: 'OUT_OF_SCOPE' },
    });
    await expectRetention(h, caseRef, '2027-03-09T23:00:00.000Z');
  });

  it('only the screener of the case decides, and only after the screening is finished', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const bo = await h.userWithRoles('Bo Screener', ['screener']);
    const { caseRef } = await screened(anna);
    const byBo = await h.say(bo, `visitation ${caseRef.toLowerCase()}`);
    expect(byBo.texts[0]).toContain('Du har ikke adgang til denne sag');
    const forged = await h.execute(bo, 'visitation.save', { caseRef, ...basics });
    expect(cardText(forged.card)).toContain('Du har ikke adgang til denne sag');
    const open = await h.say(anna, 'ny screening');
    const started = await click(h, anna, open.cards[0], 'screening.start', { caseNumber: 'NOT-DONE-1' });
    expect(started.status).toBe(200);
    const early = await h.say(anna, 'visitation NOT-DONE-1');
    expect(cardText(early.cards[0])).toContain('ikke klar til visitation');
    const entries = (await h.services.audit.listForCase(TEST_TENANT, caseRef, { maxItemCount: 100 })).items;
    expect(entries.filter((e) => e.actorId === bo.aadObjectId).map((e) => e.outcome)).toEqual(['denied', 'denied']);
  });
});
