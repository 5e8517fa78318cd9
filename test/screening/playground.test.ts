import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { ScreeningRepository } from '../../bot/store/screening-repository';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';

/**
 * A screener's whole flow in the Microsoft 365 Agents Playground (headless Chromium): a screening
 * card by card, the redacted summary, the visitation decision and the handover message. The
 * Playground sends locale en-US (and this harness follows Teams' locale, DEFAULT_LANGUAGE=teams), so
 * the screener's cards are English. The Playground user is both screener and jobformidler here, so
 * the proactive 1:1 handover lands in the same personal chat, in the jobformidler's language: English.
 */
describe('screening, visitation and handover in the Agents Playground', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;

  /** Picks an option of the newest expanded choice set whose label matches `group`. */
  const choose = (group: RegExp, option: string) =>
    s.step(`choose ${option} in ${String(group)}`, () =>
      s.page.getByRole('radiogroup', { name: group }).last().getByRole('radio', { name: option, exact: true }).check(),
    );

  /** Picks an option of the newest compact choice set (a combobox in the Playground) with this label. */
  const pick = (label: RegExp, option: string) =>
    s.step(`pick ${option} in ${String(label)}`, async () => {
      await s.page.getByRole('combobox', { name: label }).last().click();
      await s.page.getByRole('option', { name: option, exact: true }).click();
    });

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ clock });
    await pg.grantRoles(['screener', 'jobformidler']);
    s = await pg.open();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('runs a screening card by card and leaves only the redacted summary', async () => {
    await s.openPersonalChat();
    await s.waitForText('Welcome to Fremdrift');
    await s.clickCardButton('New screening');
    await s.clickCardButton('Start screening');

    await s.waitForText(/Step 1 of 8: Information for the citizen/);
    await s.clickCardButton('Next');
    await s.waitForText('Check the marked fields. This step is not saved yet.');
    await s.setCardCheckbox(/The citizen has been told the purpose/, true);
    await choose(/How the conversation takes place/, 'In person');
    await choose(/Does the citizen want to answer/, 'Yes');
    await s.clickCardButton('Next');

    await s.waitForText(/Step 2 of 8: What matters for work/);
    await choose(/anything – in your everyday life or with your health/, 'Yes');
    await s.clickCardButton('Next');

    await s.waitForText(/Step 3 of 8/);
    await choose(/difficulty seeing/, 'No – no difficulty');
    await choose(/difficulty hearing/, 'Yes – some difficulty');
    await choose(/difficulty walking/, 'Yes – a lot of difficulty');
    await s.clickCardButton('Next');

    await s.waitForText(/Step 4 of 8/);
    await choose(/remembering or concentrating/, "Don't know");
    await choose(/self-care/, 'No – no difficulty');
    await choose(/communicating/, 'Does not want to answer');
    await s.clickCardButton('Next');

    await s.waitForText(/Step 5 of 8: Accommodations at work/);
    await s.setCardCheckbox(/Breaks/, true);
    await s.clickCardButton('Next');
    await s.waitForText(/Step 6 of 8/);
    await s.clickCardButton('Next');

    await s.waitForText(/Step 7 of 8: Outcome/);
    await s.waitForText('Suggestion: Indication of difficulties with impact on work or education');
    await s.waitForText(/walking and steps/);
    await s.screenshot('playground-screening-outcome');
    await s.clickCardButton('Next');

    await s.waitForText(/Step 8 of 8: Next step/);
    await choose(/What happens next/, 'A visitation conversation is booked');
    await s.fillCardInput(/Date of the visitation conversation/, '2026-03-02');
    await s.clickCardButton('Finish screening');

    await s.waitForText('Screening completed');
    await s.waitForText(/Visitation conversation 2 March 2026/);
    expect(await s.countText(/a lot of difficulty/)).toBe(0);
    expect(await s.countText(/Step 8 of 8/)).toBe(0);
    await s.screenshot('playground-screening-summary');
  });

  it('records the visitation decision and hands group 1 over with a 1:1 message', async () => {
    await s.clickCardButton('Visitation decision');
    await s.waitForText(/Visitation – case/);
    await choose(/^Group$/, 'Group 1 – Intervention group');
    await pick(/Rationale/, 'Can work ordinary paid hours with the right support');
    await s.clickCardButton('Next');

    await s.waitForText('Group 1: personal jobformidler and first job conversation');
    await pick(/Personal jobformidler/, pg.user.name);
    await s.fillCardInput(/First job conversation/, '2026-03-09');
    await s.clickCardButton('Save visitation');

    await s.waitForText('Visitation recorded');
    await s.waitForText(`${pg.user.name} has been told in Teams.`);
    await s.waitForText('A new citizen for you');
    await s.waitForText(/The first job conversation is booked for 9 March 2026/);
    await s.screenshot('playground-handover');

    const screenings = await new ScreeningRepository(pg.services.store).listForScreener(
      pg.tenantId,
      pg.user.aadObjectId,
      new Date('2026-03-02T00:00:00Z'),
      10,
    );
    expect(screenings).toHaveLength(1);
    const caseDoc = await new CaseRepository(pg.services.store).get(pg.tenantId, screenings[0]!.caseRef);
    expect(caseDoc).toMatchObject({
      status: 'ACTIVE',
      assignedJobformidlerId: pg.user.aadObjectId,
      visitation: { group: 'G1_INTERVENTION', firstJobConversationBookedFor: '2026-03-09' },
    });
  });
});
