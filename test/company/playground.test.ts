import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { JobGoalRepository } from '../../bot/store/job-goal-repository';
import { JobMatchRepository } from '../../bot/store/job-match-repository';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';
import { handedOverCase } from '../case/fixtures';

/**
 * The company side in the Microsoft 365 Agents Playground (headless Chromium; the Playground sends
 * en-US): a user who is both company consultant and jobformidler adds a company, adds a job opening
 * from the company card, finds the citizen whose job goal fits and takes the match, which opens the
 * work agreement pre-filled from the opening.
 */
describe('the company card and the job match in the Agents Playground', () => {
  // Tuesday 3 March 2026, 10:30 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-03T09:30:00Z'));
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;
  const caseRef = 'FR-PG-1401';

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ clock });
    await pg.grantRoles(['jobformidler', 'virksomhedskonsulent']);
    const me = {
      aadObjectId: pg.user.aadObjectId,
      tenantId: pg.tenantId,
      botUserId: '',
      name: pg.user.name,
      locale: 'en-US',
    };
    await handedOverCase(pg.services, me, { caseRef, conversationAt: '2026-02-16' });
    await new JobGoalRepository(pg.services.store).save(
      {
        id: caseDocId(pg.tenantId, 'job_goals'),
        tenantId: pg.tenantId,
        caseRef,
        type: 'job_goals',
        schemaVersion: 1,
        createdAt: '2026-02-16T10:00:00.000Z',
        createdBy: pg.user.aadObjectId,
        updatedAt: '2026-02-16T10:00:00.000Z',
        updatedBy: pg.user.aadObjectId,
        goals: [
          {
            level: 'A',
            title: 'Warehouse worker',
            actions: ['Forklift licence'],
            citizenOwned: true,
            status: 'ACTIVE',
            lastReviewedAt: '2026-02-16',
          },
        ],
      },
      undefined,
    );
    s = await pg.open();
    await s.openPersonalChat();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('adds a company and shows its card', async () => {
    await s.send('new company');
    await s.waitForText(/Do not write about citizens here/);
    await s.fillCardInput(/^CVR number/, '24256790');
    await s.fillCardInput(/^Name/, 'Lageret A/S');
    await s.fillCardInput(/^Postcode/, '8200');
    await s.fillCardInput(/^Town/, 'Aarhus N');
    await s.fillCardInput(/^Contact person 1: name/, 'Bo Hansen');
    await s.fillCardInput(/^Contact person 1: phone/, '86 12 34 56');
    await s.clickCardButton('Add company');
    await s.waitForText('The company is added.');
    await s.waitForText('Responsible at the jobcentre');
    await s.waitForText('No open job openings.');
    await s.screenshot('playground-company-card');
  });

  it('adds a job opening from the company card', async () => {
    await s.clickCardButton('New job opening');
    await s.waitForText('New job opening · Lageret A/S');
    await s.fillCardInput(/^Job title/, 'Warehouse worker');
    await s.fillCardInput(/^Hours a week/, '25');
    await s.fillCardInput(/^Ordinary hours possible from the start/, '8');
    await s.fillCardInput(/^Tasks, and how they can grow/, 'Picking and packing; forklift later');
    await s.clickCardButton('Add job opening');
    await s.waitForText('The job opening is added.');
    await s.waitForText('25 a week, 8 of them ordinary from the start');
  });

  it('finds the citizen whose A goal fits, says why, and the match taken opens the work agreement', async () => {
    await s.clickCardButton('Find citizens');
    await s.waitForText('Citizens for Warehouse worker');
    await s.waitForText(/Words in common: warehouse/);
    await s.waitForText(/Fremdrift suggests – you and the citizen decide/);
    await s.screenshot('playground-job-match');
    await s.clickCardButton('Take the match');
    await s.waitForText(/The match is taken, and a work agreement has been started/);
    await s.waitForText(/0 of 6 critical items settled/);
    await s.screenshot('playground-job-match-agreement');
    const { resources } = await pg.services.store.containers.directory.items
      .query<{ openingId: string }>('SELECT c.openingId FROM c WHERE c.type = "job_opening"')
      .fetchAll();
    const taken = await new JobMatchRepository(pg.services.store).forOpening(pg.tenantId, resources[0]!.openingId);
    expect(taken).toEqual([expect.objectContaining({ caseRef, status: 'ACCEPTED', decidedBy: pg.user.aadObjectId })]);
  });
});
