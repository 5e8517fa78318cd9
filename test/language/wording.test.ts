import { ManualClock } from '../../bot/domain/clock';
import { previewsSettled } from '../../bot/features/digest/preview';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';
import { facts } from '../digest/facts-fixtures';

/**
 * Issue 13 item 2: the Danish a jobcentre worker reads on the cards, over HTTP. Counts agree with
 * their nouns ("1 dag", "1 jobsamtale"), a cadence of whole weeks is said in weeks, and the labels
 * say what a jobcentre would say ("Registrér opfølgning", "til afgørelse", the citizen's needs).
 */
describe('the words on the cards', () => {
  // Tuesday 15 April 2025: one day after the first follow-up of a case visited on 3 March (42 days).
  const clock = new ManualClock(new Date('2025-04-15T08:30:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  let caseRef: string;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
    caseRef = await handedOverCase(h.services, jf, { conversationAt: '2025-03-03', status: 'ACTIVE' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('a case one day overdue: "1 dag", the cadence in weeks and "Registrér opfølgning"', async () => {
    const card = (await h.execute(jf, 'case.open', { caseRef })).card;
    const text = cardText(card);
    expect(text).toContain('Opfølgning overskredet med 1 dag');
    expect(text).not.toContain('1 dage');
    expect(text).toMatch(/Kadence\nhver 6\. uge/);
    expect(actionsOf(card).map((a) => a.title)).toContain('Registrér opfølgning');

    const caseload = cardText((await h.say(jf, 'mine borgere')).cards[0]);
    expect(caseload).toContain('Opfølgning hver 6. uge – hver 2. uge under et forløb.');
    expect(caseload).toContain('Opfølgning overskredet med 1 dag');

    const form = cardText((await h.execute(jf, 'followup.new', { caseRef })).card);
    expect(form).toContain(`Registrér opfølgning · ${caseRef}`);
    expect(form).toContain('Næste opfølgning foreslås ud fra kommunens kadence: hver 6. uge.');
  });

  it('the same in English for a jobformidler whose Teams is English', async () => {
    const emma = await h.userWithRoles('Emma', ['jobformidler'], { locale: 'en-GB' });
    const ref = await handedOverCase(h.services, emma, { conversationAt: '2025-03-03', status: 'ACTIVE' });
    const card = (await h.execute(emma, 'case.open', { caseRef: ref })).card;
    expect(cardText(card)).toContain('Follow-up overdue by 1 day');
    expect(cardText(card)).toMatch(/Cadence\nevery 6 weeks/);
    expect(actionsOf(card).map((a) => a.title)).toContain('Record follow-up');
  });

  it('a compensation scheme decided the day after the application: "1 dag til afgørelse"', async () => {
    const form = await h.execute(jf, 'hko.new', { caseRef });
    const applied = await h.execute(jf, 'hko.save', {
      ...buttonData(form.card, 'hko.save'),
      hkoType: 'AID_WORK_TOOL',
      appliedAt: '2025-04-08',
      decidedAt: '2025-04-09',
      decision: 'GRANTED',
    });
    expect(cardText(applied.card)).toContain('Bevilget · 1 dag til afgørelse');
  });

  it('the agreement item read with the employer present speaks of needs and accommodations, with consent', async () => {
    const form = await h.execute(jf, 'agreement.new', { caseRef });
    const created = await h.execute(jf, 'agreement.create', {
      ...buttonData(form.card, 'agreement.create'),
      placementType: 'COMPANY_INTERNSHIP',
      cvr: '10150817',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
    });
    const text = cardText(created.card);
    expect(text).toContain('Hvad virksomheden må vide om borgerens behov og hensyn – med borgerens accept');
    expect(text).not.toMatch(/funktionsnedsættelse/i);
    expect(inputValues(created.card)).toMatchObject({ s_DISCLOSURE: 'NOT_DISCUSSED' });
  });

  describe("a leader's digest preview", () => {
    // A municipality of its own, so the figures are only these: one jobformidler with one citizen,
    // one job conversation last week.
    const TENANT = '22222222-2222-4222-8222-222222222222';
    const ONE = 'bbbbbbbb-0000-4000-8000-000000000001';

    beforeAll(async () => {
      clock.set(new Date('2025-04-07T08:00:00Z')); // Monday 7 April (week 15)
      await h.services.store.containers.cases.items.upsert(
        facts(
          {
            caseRef: 'FR-ONE-0001',
            assignedJobformidlerId: ONE,
            g1: [['2025-01-01']],
            visitations: [{ group: 'G1_INTERVENTION', conversationAt: '2025-01-01', effectiveFrom: '2025-01-01' }],
            contacts: [{ date: '2025-04-02' }],
          },
          TENANT,
        ),
      );
      await h.services.directory.setRoles(TENANT, ONE, ['jobformidler'], 'test', clock.now(), 'Ida Jobformidler');
    });

    async function preview(leader: TestUser, command: string): Promise<string> {
      const since = h.connector.calls.length;
      await h.say(leader, command);
      await previewsSettled();
      // The turn answers at once; the digest follows privately in the leader's chat when it is built.
      const cards = h.connector
        .sentSince(since)
        .filter((c) => c.conversationId === h.personalConversationId(leader))
        .flatMap((c) => (c.body.attachments as { content: AdaptiveCard }[] | undefined) ?? [])
        .map((a) => a.content);
      expect(cards).toHaveLength(1);
      return cardText(cards[0]);
    }

    it('counts "1 sag" and "1 jobsamtale", measures HKO to a decision and cites its source plainly', async () => {
      const lea = await h.userWithRoles('Lea', ['leder'], { tenantId: TENANT });
      const text = await preview(lea, 'vis ugerapport');
      expect(text).toContain('Ida Jobformidler');
      expect(text).toContain('1 sag · 0 overskredet · 1 jobsamtale i sidste uge');
      expect(text).toContain('Dage fra ansøgning til afgørelse (median)');
      expect(text).toContain('afgjort (bevilget eller afslået)');
      expect(text).toContain(
        'Slutevalueringen af Flere skal med spørger, om arbejdsaftalen rummer "en klar aftale om ordinære timer fra starten af forløbet".',
      );
      expect(text).toContain('Indikation med betydning for job');
      expect(text).not.toMatch(/Seed:|bevilling \(median\)|Funktionsnedsættelse/);
    });

    it('and in English: "1 case" and "1 job conversation"', async () => {
      const leo = await h.userWithRoles('Leo', ['leder'], { tenantId: TENANT, locale: 'en-US' });
      const text = await preview(leo, 'show weekly digest');
      expect(text).toContain('1 case · 0 overdue · 1 job conversation last week');
      expect(text).toContain('Days from application to decision (median)');
      expect(text).not.toMatch(/Seed:|1 job conversations|1 cases/);
    });
  });
});
