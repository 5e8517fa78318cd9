import { BotHarness, type TestUser } from '../harness/bot-harness';
import { ManualClock } from '../../bot/domain/clock';
import { staleDropdowns } from '../harness/renderer-slots';
import { buttonData, handedOverCase } from '../case/fixtures';

/**
 * A card that replaces another (the answer to a button) must not make the Teams renderer offer one
 * dropdown's choices under another (test/harness/renderer-slots.ts models how it redraws). Seen in
 * the Agents Playground: after "Gem uge" the refreshed hours card offered the "Kilde" choices
 * under "Årsag til fravær".
 */
describe('a card that replaces another keeps every dropdown with its own choices', () => {
  // Wednesday 12 March 2025 (ISO week 11).
  const clock = new ManualClock(new Date('2025-03-12T09:00:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  let caseRef: string;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
    caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE', conversationAt: '2025-01-06' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('after saving hours, and saving the next week, and going back to the case', async () => {
    const caseCard = (await h.execute(jf, 'case.open', { caseRef })).card;
    const form = (await h.execute(jf, 'hours.new', { caseRef })).card;
    expect(staleDropdowns(caseCard, form)).toEqual([]);
    const save = (card: unknown, isoWeek: string) =>
      h.execute(jf, 'hours.save', {
        ...buttonData(card as never, 'hours.save'),
        isoWeek,
        ordinaryHours: '7',
        practiceHours: '0',
        absenceHours: '0',
        source: 'PAYSLIP',
      });
    const saved = (await save(form, '2025-W09')).card;
    expect(staleDropdowns(form, saved)).toEqual([]);
    // The week list now says week 9 is logged: the dropdown must not keep the list without it.
    const savedAgain = (await save(saved, '2025-W10')).card;
    expect(staleDropdowns(saved, savedAgain)).toEqual([]);
    const refused = (await h.execute(jf, 'hours.save', { ...buttonData(savedAgain, 'hours.save'), isoWeek: 'x' })).card;
    expect(staleDropdowns(savedAgain, refused)).toEqual([]);
  });

  it('after a refused work agreement, a placement and a follow-up', async () => {
    const created = await h.execute(jf, 'agreement.create', {
      ...buttonData((await h.execute(jf, 'agreement.new', { caseRef })).card, 'agreement.create'),
      placementType: 'COMPANY_INTERNSHIP',
      cvr: '24256790',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
    });
    const refused = await h.execute(jf, 'agreement.save', {
      ...buttonData(created.card, 'agreement.save'),
      placementType: 'COMPANY_INTERNSHIP',
      cvr: '24256790',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
      s_TASKS: 'AGREED',
    });
    expect(staleDropdowns(created.card, refused.card)).toEqual([]);

    const placement = (await h.execute(jf, 'placement.new', { caseRef })).card;
    const placementRefused = (
      await h.execute(jf, 'placement.save', {
        ...buttonData(placement, 'placement.save'),
        placementType: 'COMPANY_INTERNSHIP',
        status: 'ACTIVE',
        startDate: 'not a date',
      })
    ).card;
    expect(staleDropdowns(placement, placementRefused)).toEqual([]);

    const followUp = (await h.execute(jf, 'followup.new', { caseRef })).card;
    const followUpRefused = (
      await h.execute(jf, 'followup.save', { ...buttonData(followUp, 'followup.save'), date: 'not a date' })
    ).card;
    expect(staleDropdowns(followUp, followUpRefused)).toEqual([]);
  });
});
