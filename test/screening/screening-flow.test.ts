import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { ScreeningRepository } from '../../bot/store/screening-repository';
import { SensitiveFactsRepository } from '../../bot/store/sensitive-facts-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { BotHarness, TEST_TENANT, actionsOf, cardText } from '../harness/bot-harness';
import { caseDocs } from '../privacy/fixtures';
import { POSITIVE_V1, actionOf, answerSteps, click, completeScreening, startScreening } from './screening-driver';

describe('guided screening over HTTP activities', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z')); // a Monday, 10:00 in Copenhagen
  let h: BotHarness;
  const cases = () => new CaseRepository(h.services.store);
  const screenings = () => new ScreeningRepository(h.services.store);

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('is offered on the welcome card and in help for screeners only', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const welcome = await h.install(anna);
    const quick = actionsOf(welcome.cards[0]).map((a) => a.data.command);
    expect(quick).toEqual(expect.arrayContaining(['ny screening', 'mine screeninger']));
    const screenerHelp = await h.say(anna, 'hjælp');
    // The help card's button asks for the case number, then runs "screeningssvar <number>".
    const answers = actionsOf(screenerHelp.cards[0]).find((a) => a.data.command === 'screeningssvar');
    expect(answers?.data.argumentInput).toBeDefined();
    const hint = await h.execute(anna, 'command.run', { command: 'screeningssvar' });
    expect(cardText(hint.card)).toContain('Skriv sagsnummeret efter kommandoen');
    const jf = await h.userWithRoles('Jens', ['jobformidler']);
    const help = await h.say(jf, 'hjælp');
    expect(cardText(help.cards[0])).not.toContain('ny screening');
    const refused = await h.say(jf, 'ny screening');
    expect(refused.texts[0]).toContain('Det har din rolle ikke adgang til');
  });

  it('runs a whole screening one card per step, then leaves only a redacted summary in the chat', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const { card: first, caseRef } = await startScreening(h, anna, '2026-55501');
    expect(caseRef).toBe('2026-55501');
    expect(cardText(first)).toContain('Trin 1 af 8: Information til borgeren');
    // Standardscreening v2: what is true about availability, no promise about the a-kasse.
    expect(cardText(first)).toContain('Samtalen er ikke en vurdering af, om du står til rådighed for arbejdsmarkedet');
    expect(cardText(first)).not.toContain('a-kasse');
    expect(actionsOf(first).map((a) => a.verb)).toEqual(['screening.answer', 'screening.pause', 'screening.abort']);
    expect((await cases().get(TEST_TENANT, caseRef))?.status).toBe('SCREENING');

    const gateway = await answerSteps(h, anna, first, POSITIVE_V1.slice(0, 1));
    expect(cardText(gateway)).toContain('Trin 2 af 8: Betydning for arbejde');
    expect(cardText(gateway)).toContain(
      'Er der noget – i din hverdag eller med dit helbred – som har betydning for, hvilket arbejde du kan have, eller hvilken uddannelse du kan tage?',
    );
    expect(cardText(gateway)).not.toMatch(/funktionsnedsættelse|handicap/i);
    expect(actionsOf(gateway).map((a) => a.verb)).toContain('screening.back');
    const wgA = await answerSteps(h, anna, gateway, POSITIVE_V1.slice(1, 2));
    expect(cardText(wgA)).toContain('Har du vanskeligt ved at se, selv når du bruger briller?');
    expect(cardText(wgA)).toContain('Ja – store vanskeligheder');

    const outcomeStep = await answerSteps(h, anna, wgA, POSITIVE_V1.slice(2, 6));
    const outcomeText = cardText(outcomeStep);
    expect(outcomeText).toContain('Trin 7 af 8: Udfald');
    expect(outcomeText).toContain('Forslag: Indikation af vanskeligheder med betydning for job eller uddannelse');
    expect(outcomeText).toContain('Borgeren svarede ja');
    expect(outcomeText).toContain('gang og trapper');
    expect(outcomeText).toContain('2 af de seks funktionsspørgsmål');
    expect(outcomeText).toContain('Du beslutter');

    const last = await answerSteps(h, anna, outcomeStep, POSITIVE_V1.slice(6, 7));
    expect(cardText(last)).toContain('Trin 8 af 8: Næste skridt');
    expect(actionOf(last, 'screening.answer').title).toBe('Afslut screening');

    const summary = await answerSteps(h, anna, last, POSITIVE_V1.slice(7));
    const text = cardText(summary);
    expect(text).toContain('Screening gennemført');
    expect(text).toContain('Visitationssamtale 10. marts 2026');
    for (const leaked of ['store vanskeligheder', 'briller', 'Indikation', 'Arbejdstid', 'Hjælpemiddel'])
      expect(text).not.toContain(leaked);

    const stored = await screenings().get(TEST_TENANT, caseRef);
    expect(stored).toMatchObject({
      status: 'COMPLETED',
      questionnaireId: 'standard',
      questionnaireVersion: 2,
      outcome: 'INDICATION_WITH_JOB_IMPACT',
      suggestedOutcome: 'INDICATION_WITH_JOB_IMPACT',
      outcomeChangedByScreener: false,
      wgDisability3: true,
      conductedOn: '2026-03-02',
      nextStep: { type: 'VISITATION_CONVERSATION', bookedFor: '2026-03-10' },
      answers: expect.objectContaining({
        wgMobility: 'A_LOT_OF_DIFFICULTY',
        accommodationNeeds: ['WORKING_TIME', 'PHYSICAL_DEMANDS'],
      }),
    });
    const caseDoc = await cases().get(TEST_TENANT, caseRef);
    expect(caseDoc?.status).toBe('AWAITING_VISITATION');
    expect(JSON.stringify(caseDoc)).not.toMatch(/DIFFICULTY|INDICATION|WORKING_TIME/);
    expect(await new SensitiveFactsRepository(h.services.store).get(TEST_TENANT, caseRef)).toMatchObject({
      type: 'sensitive_facts',
      screening: { conductedAt: '2026-03-02', outcome: 'INDICATION_WITH_JOB_IMPACT' },
      hko: [],
    });
  });

  it('shows a missing or wrong answer inline on the same card and records nothing', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const { card, caseRef } = await startScreening(h, anna);
    const r = await click(h, anna, card, 'screening.answer', { q_mode: 'PHONE' });
    const text = cardText(r.card);
    expect(text).toContain('Trin 1 af 8');
    expect(text).toContain('Tjek de markerede felter. Trinnet er ikke gemt endnu.');
    expect(text).toContain('Bekræft, at borgeren er orienteret');
    expect(text).toContain('Vælg et svar.');
    // What was typed stays on the card.
    expect(JSON.stringify(r.card)).toContain('"value":"PHONE"');
    expect(await screenings().get(TEST_TENANT, caseRef)).toMatchObject({ seq: 0, stepIndex: 0, answers: {} });

    const steps = await answerSteps(h, anna, r.card!, [POSITIVE_V1[0]!, ...POSITIVE_V1.slice(1, 7)]);
    const badDate = await click(h, anna, steps, 'screening.answer', {
      q_nextStepType: 'VISITATION_CONVERSATION',
      q_nextStepDate: '2026-02-27',
    });
    expect(cardText(badDate.card)).toContain('Datoen kan tidligst være 2026-03-02.');
    const missingDate = await click(h, anna, steps, 'screening.answer', { q_nextStepType: 'VISITATION_CONVERSATION' });
    // The message names the field and says a date is needed (not "choose an answer").
    expect(cardText(missingDate.card)).toContain(
      'Der mangler en dato i "Dato for visitationssamtalen". Vælg datoen, eller skriv den som ÅÅÅÅ-MM-DD.',
    );
    expect(cardText(missingDate.card)).not.toContain('Vælg et svar.');
    expect(JSON.stringify(missingDate.card)).toContain('"value":"VISITATION_CONVERSATION"');
    const forged = await click(h, anna, steps, 'screening.answer', { q_nextStepType: 'TELEPORT' });
    expect(cardText(forged.card)).toContain('Vælg en af mulighederne.');
    expect((await screenings().get(TEST_TENANT, caseRef))?.status).toBe('IN_PROGRESS');
  });

  it('records a double-clicked or retried answer once', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const { card, caseRef } = await startScreening(h, anna);
    const once = await click(h, anna, card, 'screening.answer', POSITIVE_V1[0]);
    const again = await click(h, anna, card, 'screening.answer', POSITIVE_V1[0]);
    expect(cardText(once.card)).toContain('Trin 2 af 8');
    expect(cardText(again.card)).toContain('Trin 2 af 8');
    expect(cardText(again.card)).toContain('Screeningen var allerede gået videre');
    expect(await screenings().get(TEST_TENANT, caseRef)).toMatchObject({ seq: 1, stepIndex: 1 });

    // Two clicks at the same moment: one write wins, the other shows its result.
    const both = await Promise.all([
      click(h, anna, once.card, 'screening.answer', { q_gateway: 'NO' }),
      click(h, anna, once.card, 'screening.answer', { q_gateway: 'NO' }),
    ]);
    for (const r of both) expect(cardText(r.card)).toContain('Trin 3 af 8');
    expect(await screenings().get(TEST_TENANT, caseRef)).toMatchObject({ seq: 2, stepIndex: 2 });
    const writes = (await h.services.audit.listForCase(TEST_TENANT, caseRef, { maxItemCount: 100 })).items.filter(
      (e) => e.action === 'screening.answer' && e.outcome === 'ok',
    );
    expect(writes.length).toBeLessThanOrEqual(3);
    expect(writes.length).toBeGreaterThanOrEqual(2);
  });

  it('goes back, saves for later and resumes exactly where it stopped, also after a restart and from another chat', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const { card, caseRef } = await startScreening(h, anna);
    const third = await answerSteps(h, anna, card, POSITIVE_V1.slice(0, 2));
    const back = await click(h, anna, third, 'screening.back');
    expect(cardText(back.card)).toContain('Trin 2 af 8');
    expect(JSON.stringify(back.card)).toContain('"value":"YES"'); // the saved gateway answer is shown
    const again = await answerSteps(h, anna, back.card!, POSITIVE_V1.slice(1, 2));
    const paused = await click(h, anna, again, 'screening.pause', { q_wgSeeing: 'SOME_DIFFICULTY' });
    expect(cardText(paused.card)).toContain('Sag ' + caseRef + ' er gemt ved trin 3 af 8');

    await h.restart();

    const list = await h.say(anna, 'mine screeninger', { conversationId: 'a:another-device-chat' });
    const listText = cardText(list.cards[0]);
    expect(listText).toContain('I gang');
    expect(listText).toContain(caseRef);
    expect(listText).toContain('Trin 3 af 8');
    const resumeButton = actionsOf(list.cards[0]).find(
      (a) => a.verb === 'screening.resume' && a.data.caseRef === caseRef,
    );
    const resumed = await h.execute(anna, 'screening.resume', resumeButton!.data, {
      conversationId: 'a:another-device-chat',
    });
    expect(cardText(resumed.card)).toContain('Trin 3 af 8');
    expect(JSON.stringify(resumed.card)).toContain('"value":"SOME_DIFFICULTY"');

    // The card from before the restart is stale now (it was drawn before the pause): it records nothing.
    const stale = await click(h, anna, again, 'screening.answer', POSITIVE_V1[2]);
    expect(cardText(stale.card)).toContain('Screeningen var allerede gået videre');
    const done = await answerSteps(h, anna, resumed.card!, POSITIVE_V1.slice(2));
    expect(cardText(done)).toContain('Screening gennemført');
  });

  it('skips the health questions when the citizen does not want to answer, and suggests DECLINED', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const { card, caseRef } = await startScreening(h, anna);
    const outcome = await answerSteps(h, anna, card, [
      { q_citizenInformed: 'true', q_mode: 'PHONE', q_participation: 'NO' },
    ]);
    expect(cardText(outcome)).toContain('Trin 7 af 8: Udfald');
    expect(cardText(outcome)).toContain('Forslag: Ønsker ikke at svare');
    const done = await answerSteps(h, anna, outcome, [{ screeningOutcome: 'DECLINED' }, { q_nextStepType: 'NONE' }]);
    expect(cardText(done)).toContain('Intet næste skridt');
    expect(await screenings().get(TEST_TENANT, caseRef)).toMatchObject({
      outcome: 'DECLINED',
      answers: { citizenInformed: true, mode: 'PHONE', participation: 'NO', nextStepType: 'NONE' },
    });

    // Issue 12 item 3: a declined screening closes the case at once, so its retention clock runs:
    // every document, the screening in `sensitive` included, expires 365 days after 2 March 2026.
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-03-02', reason: 'SCREENING_DECLINED' },
    });
    const stamped = await caseDocs(h.services, TEST_TENANT, caseRef);
    expect(stamped.map((d) => [d.type, d.expiresAt])).toEqual(
      expect.arrayContaining([
        ['case', '2027-03-01T23:00:00.000Z'],
        ['case_facts', '2027-03-01T23:00:00.000Z'],
        ['screening', '2027-03-01T23:00:00.000Z'],
        ['sensitive_facts', '2027-03-01T23:00:00.000Z'],
      ]),
    );
    expect(stamped.filter((d) => d.expiresAt === undefined)).toEqual([]);
    expect(cardText(done)).toContain(
      'Sagen er afsluttet, og opbevaringsperioden er begyndt: oplysningerne slettes 2. marts 2027.',
    );
    expect(actionsOf(done).map((a) => a.verb)).not.toContain('visitation.open');

    // The citizen comes back a week later and wants a visitation after all: the screener re-opens.
    clock.set(new Date('2026-03-09T09:00:00Z'));
    const ask = await click(h, anna, done, 'case.reopen');
    expect(cardText(ask.card)).toContain('Genåbn sag');
    expect(cardText(ask.card)).toContain('Borgeren ønskede ikke screening');
    const reopened = await click(h, anna, ask.card, 'case.reopen.confirm');
    expect(cardText(reopened.card)).toContain('er genåbnet. Status: Afventer visitation.');
    expect(actionsOf(reopened.card).map((a) => a.verb)).toEqual(['visitation.open']);
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'AWAITING_VISITATION',
      closureHistory: [
        {
          date: '2026-03-02',
          reason: 'SCREENING_DECLINED',
          reopenedAt: '2026-03-09T09:00:00.000Z',
          reopenedBy: anna.aadObjectId,
        },
      ],
    });
    expect((await cases().get(TEST_TENANT, caseRef))?.closure).toBeUndefined();
    const unstamped = await caseDocs(h.services, TEST_TENANT, caseRef);
    expect(unstamped.filter((d) => d.expiresAt !== undefined || d.ttl !== undefined)).toEqual([]);
    expect(await new CaseFactsRepository(h.services.store).get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'AWAITING_VISITATION',
    });
    const log = await h.services.audit.listForCase(TEST_TENANT, caseRef, { maxItemCount: 100 });
    expect(log.items.filter((e) => e.action === 'case.reopen').map((e) => [e.actorId, e.kind, e.outcome])).toEqual([
      [anna.aadObjectId, 'write', 'ok'],
    ]);
    // A second click on the old confirmation re-opens nothing.
    const again = await click(h, anna, ask.card, 'case.reopen.confirm');
    expect(cardText(again.card)).toContain('er ikke afsluttet');
    clock.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('lets the screener change the suggested outcome, and records that a person decided', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const inputs = [...POSITIVE_V1];
    inputs[6] = { screeningOutcome: 'INDICATION_NO_JOB_IMPACT' };
    const { caseRef } = await completeScreening(h, anna, '', inputs);
    expect(await screenings().get(TEST_TENANT, caseRef)).toMatchObject({
      outcome: 'INDICATION_NO_JOB_IMPACT',
      suggestedOutcome: 'INDICATION_WITH_JOB_IMPACT',
      outcomeChangedByScreener: true,
    });
  });

  it('aborts after asking, deletes the answers given so far and records ABORTED', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const { card, caseRef } = await startScreening(h, anna);
    const wg = await answerSteps(h, anna, card, POSITIVE_V1.slice(0, 2));
    const ask = await click(h, anna, wg, 'screening.abort');
    expect(cardText(ask.card)).toContain('Afbryd screeningen?');
    expect((await screenings().get(TEST_TENANT, caseRef))?.status).toBe('IN_PROGRESS');
    // The question says what really happens (record-step.ts: the answers are overwritten with nothing).
    expect(cardText(ask.card)).toContain(
      'De svar, der er givet indtil nu, slettes – Fremdrift gemmer kun, at screeningen blev afbrudt, og hvornår.',
    );
    expect(cardText(ask.card)).not.toContain('visitationsbeslutning');
    const aborted = await click(h, anna, ask.card, 'screening.abort.confirm');
    expect(cardText(aborted.card)).toContain('Screening afbrudt');
    // The summary says the same and offers neither answers (there are none) nor a visitation decision.
    expect(cardText(aborted.card)).toContain('De svar, der var givet, er slettet.');
    expect(cardText(aborted.card)).not.toContain('gemt fortroligt');
    expect(actionsOf(aborted.card).map((a) => a.verb)).toEqual(['screening.list']);
    // "Mine screeninger" lists it as aborted this week, not as screened and waiting for a decision.
    const list = (await h.say(anna, 'mine screeninger')).cards[0];
    expect(cardText(list)).toContain(`${caseRef}\nAfbrudt 2. marts 2026`);
    expect(cardText(list)).not.toContain('Screenet');
    expect(actionsOf(list).filter((a) => a.data.caseRef === caseRef)).toEqual([]);
    expect(await screenings().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'ABORTED',
      outcome: 'ABORTED',
      answers: {},
    });
    // An aborted screening closes the case at once (issue 12 item 3).
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-03-02', reason: 'SCREENING_ABORTED' },
      expiresAt: '2027-03-01T23:00:00.000Z',
    });
    expect(await new SensitiveFactsRepository(h.services.store).get(TEST_TENANT, caseRef)).toMatchObject({
      screening: { conductedAt: '2026-03-02', outcome: 'ABORTED' },
      expiresAt: '2027-03-01T23:00:00.000Z',
    });
    expect((await screenings().get(TEST_TENANT, caseRef))?.ttl).toBeGreaterThan(0);
  });

  it('lists open, waiting and this week’s finished screenings in "mine screeninger"', async () => {
    const sara = await h.userWithRoles('Sara', ['screener']);
    const open = await startScreening(h, sara, 'LIST-OPEN-1');
    const done = await completeScreening(h, sara, 'LIST-DONE-1');
    clock.set(new Date('2026-03-09T09:00:00Z')); // next week
    const nextWeek = await completeScreening(h, sara, 'LIST-DONE-2');
    const list = await h.say(sara, 'mine screeninger');
    const text = cardText(list.cards[0]);
    expect(text).toContain(open.caseRef);
    expect(text).toContain('Afventer visitationsbeslutning');
    expect(text).toContain(done.caseRef); // still waiting for its decision
    expect(text).toContain(nextWeek.caseRef);
    expect(
      actionsOf(list.cards[0])
        .filter((a) => a.verb === 'visitation.open')
        .map((a) => a.data.caseRef),
    ).toEqual([done.caseRef, nextWeek.caseRef]);
    const other = await h.userWithRoles('Otto', ['screener']);
    expect(cardText((await h.say(other, 'mine screeninger')).cards[0])).toContain(
      'Du har ingen igangværende screeninger',
    );
    clock.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('works in English when Teams says so', async () => {
    const emma = await h.userWithRoles('Emma', ['screener'], { locale: 'en-GB' });
    const { card } = await startScreening(h, emma);
    expect(cardText(card)).toContain('Step 1 of 8: Information for the citizen');
    const outcome = await answerSteps(h, emma, card, POSITIVE_V1.slice(0, 6));
    expect(cardText(outcome)).toContain('Suggestion: Indication of difficulties with impact on work or education');
    expect(cardText(outcome)).toContain('You decide');
    const done = await answerSteps(h, emma, outcome, POSITIVE_V1.slice(6));
    expect(cardText(done)).toContain('Screening completed');
    expect(cardText(done)).toContain('Visitation conversation 10 March 2026');
    const list = await h.say(emma, 'my screenings');
    expect(cardText(list.cards[0])).toContain('Waiting for a visitation decision');
  });
});
