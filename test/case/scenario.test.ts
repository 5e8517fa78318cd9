import { BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { ManualClock } from '../../bot/domain/clock';
import type { AdaptiveCard } from '../../cards/types';
import { buttonData, elementsOf, handedOverCase, inputValues } from './fixtures';

const DAY = 86400_000;

/**
 * A jobformidler's first weeks with a citizen, over HTTP with real activities, clicking the buttons
 * the cards offer: take over a handed-over case, set ABC goals and CV, agree and sign a work
 * agreement, start a placement, log hours and follow-ups, and watch the chart and the flags move.
 */
describe('a case from handover to growing ordinary hours', () => {
  // Monday 3 March 2025, 09:00 in Copenhagen.
  const clock = new ManualClock(new Date('2025-03-03T08:00:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
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

  const caseloadText = async (): Promise<string> => cardText((await h.say(jf, 'mine borgere')).cards[0]);

  it('runs the whole flow', async () => {
    const caseRef = await handedOverCase(h.services, jf, { conversationAt: '2025-02-27' });

    // 1. The handover shows up in Mine borgere; opening it offers to take it over.
    expect(await caseloadText()).toContain(`**${caseRef}** · Visiteret`);
    let card = (await h.execute(jf, 'case.open', { caseRef })).card;
    card = await click(card, 'case.take_over');
    expect(cardText(card)).toContain('Aktiv');

    // 2. ABC goals and CV status.
    card = await click(await click(card, 'case.goals.edit'), 'case.goals.save', {
      goalA_title: 'Lagermedarbejder',
      goalA_actions: 'Praktik på lager\nTruckcertifikat',
      goalA_own: 'true',
      goalB_title: 'Chauffør',
      goalB_actions: 'Kørekort C',
    });
    card = await click(await click(card, 'case.cv.edit'), 'case.cv.save', {
      cvStatus: 'JOBNET',
      jobnetCvUpdatedAt: '2025-03-03',
    });
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
      agreedAt: '2025-03-03',
      signedAt: '2025-03-03',
    });
    expect(cardText(agreement)).toContain('6 af 6 centrale punkter på plads');
    expect(cardText(agreement)).toContain('Status: Underskrevet');

    // 4. The placement starts from the agreement; the cadence becomes 14 days.
    card = await click(await click(agreement, 'placement.new'), 'placement.save', {
      startDate: '2025-03-03',
      plannedEndDate: '2025-05-30',
      status: 'ACTIVE',
    });
    expect(cardText(card)).toContain('hver 14. dag (i forløb)');
    expect(cardText(card)).toContain('13.03.2025'); // 14 days after the visitation conversation

    // 5. The first follow-up at the workplace.
    card = await click(await click(card, 'followup.new'), 'followup.save', {
      contactType: 'WORKPLACE_FOLLOW_UP',
      topics: 'TASKS',
    });
    expect(cardText(card)).toContain('Næste opfølgning: 17.03.2025');

    // 6. Two weeks later: log the hours of the first two weeks; the flag says "due today".
    clock.advance(14 * DAY);
    expect(await caseloadText()).toContain('Opfølgning i dag');
    let hours = await click(card, 'hours.new', { isoWeek: '2025-W10' });
    hours = await click(hours, 'hours.save', { isoWeek: '2025-W10', ordinaryHours: '5', practiceHours: '25' });
    expect(inputValues(hours).isoWeek).toBe('2025-W11');
    hours = await click(hours, 'hours.save', { ordinaryHours: '6', practiceHours: '24' });

    // 7. Three days later the follow-up is overdue, in the caseload and on the card.
    clock.advance(3 * DAY);
    expect(await caseloadText()).toContain('Opfølgning overskredet med 3 dage');
    card = (await h.execute(jf, 'case.open', { caseRef })).card;
    expect(cardText(card)).toContain('Opfølgning overskredet med 3 dage');

    // 8. A tripartite meeting raises the ordinary hours; the flag clears.
    card = await click(await click(card, 'followup.new'), 'followup.save', {
      contactType: 'TRIPARTITE',
      outcome: 'HOURS_INCREASED',
      ordinaryHoursNewAgreed: '10',
      topics: 'HOURS_INCREASE',
    });
    expect(cardText(card)).not.toContain('overskredet');
    expect(cardText(card)).toContain('Ordinære timer øget til 10');
    hours = await click(card, 'hours.new', { isoWeek: '2025-W12' });
    await click(hours, 'hours.save', { isoWeek: '2025-W12', ordinaryHours: '10', practiceHours: '20' });

    // 9. The chart shows the ordinary hours growing towards the 30-hour line.
    card = (await h.execute(jf, 'case.open', { caseRef })).card;
    const [chart] = elementsOf(card, 'Chart.Line') as {
      data: { legend: string; values: { x: string; y: number }[] }[];
    }[];
    expect(chart?.data.map((s) => s.values.map((v) => v.y))).toEqual([
      [5, 6, 10],
      [30, 30, 30],
    ]);
    expect(chart?.data[1]?.legend).toBe('Mål: 30 timer');

    // 10. Without the placement, the next conversation is 42 days out: ending it moves the date.
    const edit = actionsOf(card).find((a) => a.verb === 'placement.edit');
    const editForm = (await h.execute(jf, 'placement.edit', edit!.data)).card;
    card = await click(editForm, 'placement.save', { status: 'INTERRUPTED', actualEndDate: '2025-03-19' });
    expect(cardText(card)).toContain('hver 42. dag');
    expect(cardText(card)).toContain('03.04.2025'); // the date planned at the meeting still stands (earlier)
    expect(await caseloadText()).toContain('0 overskredet');
  });
});
