import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { PLAYGROUND_OTHER_USERS } from '../../bot/local/playground-config';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';
import { handedOverCase } from '../case/fixtures';

/**
 * A leader moves a citizen to another jobformidler in the Microsoft 365 Agents Playground (headless
 * Chromium; the Playground sends locale en-US): the team's caseloads against the band, a
 * jobformidler's citizens for sparring, the case's overview without art. 9 data, the move form, and
 * the answer that the new jobformidler was told. The Playground's team roster is the leader's team.
 */
describe('reassignment in the Agents Playground', () => {
  // Tuesday 10 March 2026, 10:00 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  const [megan, adele] = PLAYGROUND_OTHER_USERS;
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;

  const pick = (label: RegExp, option: string) =>
    s.step(`pick ${option} in ${String(label)}`, async () => {
      await s.page.getByRole('combobox', { name: label }).last().click();
      await s.page.getByRole('option', { name: option, exact: true }).click();
    });

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ clock });
    await pg.grantRoles(['leder']);
    await pg.grantRoles(['jobformidler'], megan);
    await pg.grantRoles(['jobformidler'], adele);
    // Adele has used Fremdrift before: the bot knows her Bot Framework id and can open a 1:1 chat with her.
    await pg.services.directory.recordSeen(
      pg.tenantId,
      { userId: adele!.aadObjectId, displayName: adele!.name, botUserId: adele!.id },
      clock.now(),
    );
    const settings = await pg.services.directory.getSettings(pg.tenantId);
    for (const caseRef of ['FR-PG-3001', 'FR-PG-3002']) {
      await handedOverCase(
        pg.services,
        {
          aadObjectId: megan!.aadObjectId,
          tenantId: pg.tenantId,
          botUserId: megan!.id,
          name: megan!.name,
          locale: 'en-US',
        },
        { caseRef, conversationAt: '2026-01-05' },
      );
      await new CaseFactsRepository(pg.services.store).rebuild(pg.tenantId, caseRef, settings, clock.now());
    }
    s = await pg.open();
    // Fremdrift is in the team: its roster is the leader's team.
    await s.openChannel('General');
    await s.waitForText(/Fremdrift/);
    await s.openPersonalChat();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('shows the leader the team’s caseloads and opens a jobformidler’s citizen for sparring', async () => {
    await s.send('team caseloads');
    await s.waitForText("The team's caseloads");
    await s.waitForText(/2 citizens · 2 with an overdue follow-up · below the band/);
    await s.screenshot('playground-team-caseloads');
    await s.clickCardButton('See citizens'); // the newest row: Megan Bowen (Adele comes first)
    await s.waitForText("Megan Bowen's citizens (leader sparring)");
    await s.waitForText('FR-PG-3002');
    await s.clickCardButton('Open');
    await s.waitForText('Case FR-PG-3002');
    await s.waitForText(/Leader sparring – read only/);
    await s.screenshot('playground-sparring-case');
  });

  it('moves the case to another jobformidler, who is told', async () => {
    await s.clickCardButton('Move case');
    await s.waitForText('Move case FR-PG-3002 to another jobformidler');
    await pick(/^New jobformidler/, 'Adele Vance');
    await pick(/^Reason/, 'Illness or leave');
    await s.clickCardButton('Move');
    await s.waitForText('Case FR-PG-3002 moved to Adele Vance from 10 March 2026.');
    await s.waitForText('Adele Vance has been told in Teams.');
    await s.screenshot('playground-reassigned');
    const moved = await new CaseRepository(pg.services.store).get(pg.tenantId, 'FR-PG-3002');
    expect(moved).toMatchObject({
      assignedJobformidlerId: adele!.aadObjectId,
      jobformidlerHistory: [
        { userId: megan!.aadObjectId, to: '2026-03-10' },
        { userId: adele!.aadObjectId, from: '2026-03-10', reason: 'ILLNESS_OR_LEAVE' },
      ],
    });
  });
});
