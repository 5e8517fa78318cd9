import { ManualClock } from '../../bot/domain/clock';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';
import { handedOverCase } from './fixtures';

const DAY = 86400_000;

/**
 * A jobformidler's work in the Microsoft 365 Agents Playground (headless Chromium; the Playground
 * sends locale en-US): open a handed-over case from "My citizens", set ABC goals and CV, create and
 * complete a work agreement, start the placement, log hours, see the hours chart, and watch the
 * follow-up flag go overdue and clear again.
 */
describe('the jobformidler in the Agents Playground', () => {
  // Tuesday 17 March 2026, 10:00 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-17T09:00:00Z'));
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;
  let caseRef: string;

  /** Picks an option of the newest compact choice set (a combobox in the Playground) with this label. */
  const pick = (label: RegExp, option: string) =>
    s.step(`pick ${option} in ${String(label)}`, async () => {
      await s.page.getByRole('combobox', { name: label }).last().click();
      await s.page.getByRole('option', { name: option, exact: true }).click();
    });

  /** Picks an option of the newest expanded choice set whose label matches `group`. */
  const choose = (group: RegExp, option: string) =>
    s.step(`choose ${option} in ${String(group)}`, () =>
      s.page.getByRole('radiogroup', { name: group }).last().getByRole('radio', { name: option, exact: true }).check(),
    );

  /** Sets a checklist item: its status, and what was agreed (the value field is named by its placeholder). */
  async function item(label: string, value: string): Promise<void> {
    const escaped = label.replace(/[()]/g, '\\$&');
    await pick(new RegExp(`^★ ${escaped}`), 'Agreed');
    await s.fillCardInput(new RegExp(`^${escaped}:`), value);
  }

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ clock });
    await pg.grantRoles(['jobformidler']);
    caseRef = await handedOverCase(
      pg.services,
      { aadObjectId: pg.user.aadObjectId, tenantId: pg.tenantId, botUserId: '', name: pg.user.name, locale: 'en-US' },
      { caseRef: 'FR-PG-2001', conversationAt: '2026-03-10' },
    );
    s = await pg.open();
    await s.openPersonalChat();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('opens the handed-over case from My citizens and sets ABC goals and the CV status', async () => {
    await s.send('my citizens');
    await s.waitForText('My citizens');
    await s.waitForText(caseRef);
    await s.clickCardButton('Open');
    await s.waitForText(`Case ${caseRef}`);
    await s.waitForText('No job goals yet.');

    await s.clickCardButton('Job goals');
    await s.waitForText(`Job goals for ${caseRef}`);
    await s.fillCardInput(/^Job \(A\)/, 'Warehouse worker');
    await s.fillCardInput(/^Actions \(A\)/, 'Forklift licence');
    await s.clickCardButton('Save');
    await s.waitForText('The job goals are saved.');
    await s.waitForText(/Warehouse worker/);

    await s.clickCardButton('CV status');
    await s.waitForText(`CV status for ${caseRef}`);
    await choose(/Which CV does the citizen have/, 'CV on Jobnet');
    await s.clickCardButton('Save');
    await s.waitForText('The CV status is saved.');
  });

  it('creates and completes a work agreement, and starts the placement from it', async () => {
    await s.clickCardButton('New work agreement');
    await s.waitForText(`New work agreement · ${caseRef}`);
    await pick(/Placement type/, 'Internship with ordinary hours');
    await s.fillCardInput(/CVR number/, '24256790');
    await s.fillCardInput(/^Company/, 'Lageret A/S');
    await s.fillCardInput(/Contact person at the company/, 'Bo Hansen');
    await s.clickCardButton('Create work agreement');
    await s.waitForText(/0 of 6 critical items settled/);

    await item('Tasks (concrete)', 'Picking and packing');
    await item('Working hours (total per week)', '30');
    await item('Ordinary (paid) hours from the start (hours per week)', '5');
    await item('Plan for more ordinary hours (steps and dates)', '+5 hours a month');
    await item('Milestones', 'Forklift licence');
    await item('Follow-up (frequency, form, participants)', 'Every 14 days at the company');
    await s.fillCardInput(/Agreed on/, '2026-03-17');
    await s.fillCardInput(/Signed on/, '2026-03-17');
    await s.clickCardButton('Save work agreement');
    await s.waitForText(/6 of 6 critical items settled/);
    await s.waitForText('Status: Signed');
    await s.screenshot('playground-work-agreement');

    await s.clickCardButton('Start placement');
    await s.waitForText(`New placement · ${caseRef}`);
    await pick(/^Status/, 'Active');
    await s.clickCardButton('Save placement');
    await s.waitForText('The placement is saved.');
    await s.waitForText('every 2 weeks (in placement)');
  });

  it('logs two weeks of hours and shows them against the 30-hour goal', async () => {
    await s.clickCardButton('Log hours');
    await s.waitForText(`Hours per week · ${caseRef}`);
    await s.fillCardInput(/Ordinary \(paid\) hours/, '5');
    await s.clickCardButton('Save week');
    await s.waitForText('Week 11 is saved: 5 ordinary hours.');
    await s.fillCardInput(/Ordinary \(paid\) hours/, '8');
    await s.clickCardButton('Save week');
    await s.waitForText('Week 12 is saved: 8 ordinary hours.');
    await s.clickCardButton('Back');
    await s.waitForText('Goal: 30 hours'); // the native chart's second series
    await s.screenshot('playground-hours-chart');
    const facts = await new CaseFactsRepository(pg.services.store).get(pg.tenantId, caseRef);
    expect(facts?.weeks.map((w) => w.ordinaryHours)).toEqual([5, 8]);
  });

  it('flags the follow-up as overdue, and clears it when the follow-up is logged', async () => {
    clock.advance(9 * DAY); // 26 March: 14 days after the visitation conversation, plus two
    await s.send('my citizens');
    await s.waitForText('Follow-up overdue by 2 days');
    await s.clickCardButton('Open');
    await s.waitForText(`Case ${caseRef}`, { atLeast: 1 });
    await s.clickCardButton('Record follow-up');
    await s.waitForText(`Record follow-up · ${caseRef}`);
    await pick(/^Type/, 'Tripartite meeting');
    await s.clickCardButton('Save follow-up');
    await s.waitForText(/The follow-up is saved\. Next follow-up: 9 Apr 2026\./);
    await s.send('my citizens');
    await s.waitForText('Follow-ups: 0 overdue · 0 today · 0 soon');
    await s.screenshot('playground-caseload-after-follow-up');
  });
});
