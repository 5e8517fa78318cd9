import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { ProgressionRepository } from '../../bot/store/progression-repository';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';

/**
 * In the Agents Playground (locale en-US there): a jobformidler scores a baseline and, three months
 * later, a new measurement for a case, sees the comparison picture and opens the citizen's version.
 */
describe('progression in the Agents Playground', () => {
  const clock = new ManualClock(new Date('2025-01-10T09:00:00Z'));
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ clock });
    await pg.grantRoles(['jobformidler']);
    await new CaseRepository(pg.services.store).create({
      tenantId: pg.tenantId,
      caseRef: 'FR-PG-0001',
      status: 'ACTIVE',
      screenerId: 'screener-1',
      assignedJobformidlerId: pg.user.aadObjectId,
      jobformidlerHistory: [{ userId: pg.user.aadObjectId, from: '2025-01-06' }],
      visitation: {
        group: 'G1_INTERVENTION',
        conversationAt: '2025-01-06',
        decidedAt: '2025-01-06T09:00:00.000Z',
        decidedBy: 'screener-1',
        effectiveFrom: '2025-01-06',
      },
      createdAt: '2025-01-06T09:00:00.000Z',
      updatedAt: '2025-01-06T09:00:00.000Z',
      updatedBy: 'test-setup',
    });
    s = await pg.open();
    await s.openPersonalChat();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  /** Picks a level on the newest indicator page and saves it. */
  async function score(level: number): Promise<void> {
    await s.step(`score ${level}`, () =>
      s.page
        .getByRole('radio', { name: new RegExp(`^${level}( ·|$)`) })
        .last()
        .check(),
    );
    await s.clickCardButton('Save and next');
  }

  async function measure(levels: readonly number[]): Promise<void> {
    await s.clickCardButton('New measurement');
    await s.waitForText('Occasion');
    await s.clickCardButton('Start measurement');
    for (const [i, level] of levels.entries()) {
      await s.waitForText(`Indicator ${i + 1} of ${levels.length}`);
      await score(level);
    }
    await s.waitForText('Check and save the measurement');
    await s.page.getByRole('checkbox', { name: 'The scores are agreed with the citizen' }).last().check();
    await s.clickCardButton('Save measurement');
  }

  it('scores a baseline with the citizen, one indicator page at a time', async () => {
    await s.send('progression FR-PG-0001');
    await s.waitForText('There are no measurements yet.');
    await measure([3, 4, 5, 3, 4, 5, 2]);
    await s.waitForText('The measurement is saved.');
    await s.waitForText(/only one measurement on this version/);
    const docs = await new ProgressionRepository(pg.services.store).listForCase(pg.tenantId, 'FR-PG-0001');
    expect(docs.map((d) => [d.status, d.context, d.agreedWithCitizen])).toEqual([['COMPLETED', 'BASELINE', true]]);
  });

  it('scores again three months later and shows the comparison picture and the citizen version', async () => {
    clock.set(new Date('2025-04-12T09:00:00Z'));
    const shown = await s.countText('Progression – FR-PG-0001');
    await s.send('progression FR-PG-0001');
    await s.waitForText('Progression – FR-PG-0001', { atLeast: shown + 1 });
    await measure([5, 6, 5, 4, 6, 5, 3]);
    await s.waitForText('The measurement is saved.', { atLeast: 2 });
    await s.waitForText('Before (10 Jan 2025)');
    await s.waitForText('Now (12 Apr 2025)');
    await s.waitForText('10 Jan 2025 · Baseline (start)');
    await s.screenshot('progression-comparison');

    await s.clickCardButton('Citizen version');
    await s.waitForText('How it is going');
    await s.waitForText('I know which job I am aiming for');
    await s.waitForText('You have moved forward');
    await s.screenshot('progression-citizen-version');
    const docs = await new ProgressionRepository(pg.services.store).listForCase(pg.tenantId, 'FR-PG-0001');
    expect(docs.map((d) => d.context)).toEqual(['BASELINE', 'ROUTINE_3M']);
  });
});
