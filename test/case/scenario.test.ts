import { BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { ManualClock } from '../../bot/domain/clock';
import { dailyNudgeJob } from '../../bot/features/nudge/daily-nudge';
import type { AdaptiveCard } from '../../cards/types';
import { click as screenerClick, completeScreening } from '../screening/screening-driver';
import { buttonData, elementsOf, inputValues } from './fixtures';

/**
 * A jobformidler's first weeks with a citizen, over HTTP with real activities, clicking the buttons
 * the cards offer: a screener screens and hands the citizen over; the jobformidler opens the case
 * from the handover message, sets ABC goals and CV, agrees and signs a work agreement, starts a
 * placement, logs hours and follow-ups, and watches the chart and the follow-up flags move.
 */
describe('a case from handover to growing ordinary hours', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  let screener: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    jf = await h.userWithRoles('Jens Jobformidler', ['jobformidler']);
    screener = await h.userWithRoles('Anna Screener', ['screener']);
    await h.install(jf);
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Clicks the button with `verb` on `card`, sending the card's inputs changed by `fields`. */
  async function click(
    card: AdaptiveCard | undefined,
    verb: string,
    fields: Record<string, string> = {},
  ): Promise<AdaptiveCard> {
    const r = await h.execute(jf, verb, { ...buttonData(card, verb), ...inputValues(card), ...fields });
    expect(r.status).toBe(200);
    return r.card!;
  }

  const caseload = async (): Promise<string> => cardText((await h.say(jf, 'mine borgere')).cards[0]);
  /** 09:00 in Copenhagen on a date in March/April 2026 (winter time until 29 March). */
  const at = (date: string): void => clock.set(new Date(`${date}T${date < '2026-03-29' ? '08' : '07'}:00:00Z`));

  it('runs the whole flow', async () => {
    // 0. The screener screens the citizen and, at the visitation conversation, hands over to Jens.
    const screened = await completeScreening(h, screener, '2026-88001');
    at('2026-03-10');
    const open = await screenerClick(h, screener, screened.card, 'visitation.open');
    const step2 = await screenerClick(h, screener, open.card, 'visitation.next', {
      group: 'G1_INTERVENTION',
      conversationAt: '2026-03-10',
      rationale: 'READY_FOR_ORDINARY_HOURS',
      note: '',
    });
    const since = h.connector.calls.length;
    await screenerClick(h, screener, step2.card, 'visitation.save', {
      jobformidlerId: jf.aadObjectId,
      firstJobConversationAt: '2026-03-17',
    });
    const handover = h.connector
      .sentSince(since)
      .filter((c) => c.conversationId === h.personalConversationId(jf))
      .map((c) => (c.body.attachments as { content: AdaptiveCard }[])[0]!.content)[0];

    // 1. Jens opens the case from the handover; the booked first job conversation is the next date.
    let card = await click(handover, 'case.open');
    expect(cardText(card)).toContain('Sag 2026-88001');
    expect(cardText(card)).toContain('17.03.2026');
    expect(await caseload()).toContain('**2026-88001** · Aktiv');

    // 2. On the 17th the first job conversation is due; Jens holds it and sets ABC goals and CV.
    at('2026-03-17');
    expect(await caseload()).toContain('Opfølgning i dag');
    card = await click(await click(card, 'followup.new'), 'followup.save', { topics: 'TASKS,CHILDCARE' });
    expect(cardText(card)).toContain('Næste opfølgning: 28.04.2026'); // 42 days: no placement yet
    card = await click(await click(card, 'case.goals.edit'), 'case.goals.save', {
      goalA_title: 'Lagermedarbejder',
      goalA_actions: 'Praktik på lager\nTruckcertifikat',
      goalA_own: 'true',
      goalB_title: 'Chauffør',
      goalB_actions: 'Kørekort C',
    });
    card = await click(await click(card, 'case.cv.edit'), 'case.cv.save', {
      cvStatus: 'JOBNET',
      jobnetCvUpdatedAt: '2026-03-17',
    });
    expect(cardText(card)).toContain('Lagermedarbejder (borgerens eget mål)');
    expect(cardText(card)).toContain('CV på Jobnet');

    // 3. A work agreement with ordinary hours from the start, agreed and signed.
    let agreement = await click(await click(card, 'agreement.new'), 'agreement.create', {
      placementType: 'INTERNSHIP_PLUS_ORDINARY_HOURS',
      cvr: '24256790',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
    });
    agreement = await click(agreement, 'agreement.save', {
      s_TASKS: 'AGREED',
      v_TASKS: 'Plukke og pakke',
      s_WORKING_HOURS: 'AGREED',
      v_WORKING_HOURS: '30',
      s_ORDINARY_HOURS_FROM_START: 'AGREED',
      v_ORDINARY_HOURS_FROM_START: '5',
      s_ORDINARY_HOURS_PLAN: 'AGREED',
      v_ORDINARY_HOURS_PLAN: '+5 timer hver måned',
      s_MILESTONES: 'AGREED',
      v_MILESTONES: 'Truckcertifikat',
      s_FOLLOW_UP_PLAN: 'AGREED',
      v_FOLLOW_UP_PLAN: 'Hver 14. dag på virksomheden',
      s_PAYSLIP_TO_BENEFITS: 'AGREED',
      agreedAt: '2026-03-17',
      signedAt: '2026-03-17',
    });
    expect(cardText(agreement)).toContain('6 af 6 centrale punkter på plads');
    expect(cardText(agreement)).toContain('Status: Underskrevet');

    // 4. The placement starts from the agreement: the cadence becomes 14 days, so the next date moves up.
    card = await click(await click(agreement, 'placement.new'), 'placement.save', {
      startDate: '2026-03-17',
      plannedEndDate: '2026-06-12',
      status: 'ACTIVE',
    });
    expect(cardText(card)).toContain('hver 2. uge (i forløb)');
    expect(cardText(card)).toContain('31.03.2026');
    expect(cardText(card)).toContain('Lageret A/S · Underskrevet');

    // 5. Two weeks on, the follow-up is due; Jens logs the first two weeks of hours.
    at('2026-03-31');
    expect(await caseload()).toContain('Opfølgning i dag');
    let hours = await click(card, 'hours.new', { isoWeek: '2026-W12' });
    hours = await click(hours, 'hours.save', { isoWeek: '2026-W12', ordinaryHours: '5', practiceHours: '25' });
    expect(inputValues(hours).isoWeek).toBe('2026-W13');
    await click(hours, 'hours.save', { ordinaryHours: '8', practiceHours: '22' });

    // 6. Two days later it is overdue: in Mine borgere, on the card, and in the morning nudge.
    at('2026-04-02');
    expect(await caseload()).toContain('Opfølgning overskredet med 2 dage');
    const nudgeSince = h.connector.calls.length;
    await dailyNudgeJob(h.services).run(clock.now());
    const nudge = h.connector.sentSince(nudgeSince).filter((c) => c.conversationId === h.personalConversationId(jf));
    expect(nudge).toHaveLength(1);
    expect(JSON.stringify(nudge[0]!.body)).toContain('2026-88001');
    card = (await h.execute(jf, 'case.open', { caseRef: '2026-88001' })).card!;
    expect(cardText(card)).toContain('Opfølgning overskredet med 2 dage');

    // 7. A tripartite meeting raises the ordinary hours; the flag clears; the week is logged.
    card = await click(await click(card, 'followup.new'), 'followup.save', {
      contactType: 'TRIPARTITE',
      outcome: 'HOURS_INCREASED',
      ordinaryHoursNewAgreed: '12',
      topics: 'HOURS_INCREASE',
    });
    expect(cardText(card)).not.toContain('overskredet');
    expect(cardText(card)).toContain('Ordinære timer øget til 12');
    hours = await click(card, 'hours.new', { isoWeek: '2026-W14' });
    await click(hours, 'hours.save', { isoWeek: '2026-W14', ordinaryHours: '12', practiceHours: '18' });

    // 8. The chart shows ordinary hours growing towards the 30-hour line.
    card = (await h.execute(jf, 'case.open', { caseRef: '2026-88001' })).card!;
    const [chart] = elementsOf(card, 'Chart.Line') as {
      data: { legend: string; values: { x: string; y: number }[] }[];
    }[];
    expect(chart?.data.map((s) => s.values.map((v) => `${v.x}:${v.y}`))).toEqual([
      ['12:5', '13:8', '14:12'],
      ['12:30', '13:30', '14:30'],
    ]);
    expect(chart?.data[1]?.legend).toBe('Mål: 30 timer');

    // 9. The placement is interrupted: back to 42 days, but the date planned at the meeting stands.
    const edit = actionsOf(card).find((a) => a.verb === 'placement.edit');
    const editForm = (await h.execute(jf, 'placement.edit', edit!.data)).card;
    card = await click(editForm, 'placement.save', { status: 'INTERRUPTED', actualEndDate: '2026-04-01' });
    expect(cardText(card)).toContain('hver 6. uge');
    expect(cardText(card)).toContain('16.04.2026');
    expect(await caseload()).toContain('0 overskredet · 0 i dag · 1 snart');
    expect(await caseload()).toContain('Opfølgning snart (16.04.2026)');
  });
});
