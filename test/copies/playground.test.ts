import { caseDocId } from '../../bot/domain/case';
import { CHECKLIST_KEYS, type AgreementDoc, type ChecklistEntry } from '../../bot/domain/work-agreement';
import { AgreementRepository } from '../../bot/store/agreement-repository';
import { JobGoalRepository } from '../../bot/store/job-goal-repository';
import { handedOverCase } from '../case/fixtures';
import { pdfText } from '../harness/pdf';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';

/**
 * Issue 16 B.5 in the Microsoft 365 Agents Playground (headless Chromium; the Playground sends locale
 * en-US and cannot show Teams' file consent card, so files come as a card with a single-use link): the
 * jobformidler asks for the citizen's copy in the 1:1 chat, sees the file card, and the link gives the
 * PDF once.
 */
const CASE = 'FR-PG-3001';
const daysAgo = (n: number): string => new Date(Date.now() - n * 86400_000).toISOString().slice(0, 10);

function checklist(): ChecklistEntry[] {
  const agreed: Record<string, string> = {
    TASKS: 'Warehouse and goods receipt',
    WORKING_HOURS: '15',
    ORDINARY_HOURS_FROM_START: '4',
    ORDINARY_HOURS_PLAN: '+2 hours every 6 weeks towards 15',
    FOLLOW_UP_PLAN: 'Visit at the workplace every other week',
    COMPANY_CONTACT: 'Lone Berg, warehouse manager',
  };
  return CHECKLIST_KEYS.map((key) =>
    agreed[key] !== undefined ? { key, status: 'AGREED', value: agreed[key] } : { key, status: 'NOT_DISCUSSED' },
  );
}

describe('the citizen’s copy in the Agents Playground', () => {
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start();
    await pg.grantRoles(['jobformidler']);
    const tenantId = pg.tenantId;
    const me = pg.user.aadObjectId;
    await handedOverCase(
      pg.services,
      { aadObjectId: me, tenantId, botUserId: '', name: pg.user.name, locale: 'en-US' },
      { caseRef: CASE, conversationAt: daysAgo(20) },
    );
    const at = `${daysAgo(10)}T10:00:00.000Z`;
    const stamp = { schemaVersion: 1 as const, createdAt: at, createdBy: me, updatedAt: at, updatedBy: me };
    const agreement: AgreementDoc = {
      id: caseDocId(tenantId, 'agreement', 'a1'),
      tenantId,
      caseRef: CASE,
      ...stamp,
      type: 'work_agreement',
      agreementId: 'a1',
      placementType: 'COMPANY_INTERNSHIP',
      company: { cvr: '12345678', name: 'Lagerhuset ApS', contactName: 'Lone Berg' },
      status: 'AGREED',
      version: 1,
      checklist: checklist(),
      agreedAt: daysAgo(10),
      revisions: [],
    };
    await new AgreementRepository(pg.services.store).save(agreement, undefined);
    await new JobGoalRepository(pg.services.store).save(
      {
        id: caseDocId(tenantId, 'job_goals'),
        tenantId,
        caseRef: CASE,
        ...stamp,
        type: 'job_goals',
        goals: [
          {
            level: 'A',
            title: 'Warehouse worker',
            actions: ['Forklift licence'],
            citizenOwned: true,
            status: 'ACTIVE',
            lastReviewedAt: daysAgo(10),
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

  it('shows the file card in the 1:1 chat, and its link gives the PDF once', async () => {
    await s.send(`citizen copy ${CASE}`);
    await s.waitForText(`A file for you: your-plan-${CASE}.pdf`);
    await s.waitForText(/The link works once and until \d{2}:\d{2}\./);
    await s.waitForText(`The citizen's copy of the plan for case ${CASE} (PDF to print or e-mail).`);
    await s.screenshot('copies playground - file card');

    // The button opens the link in a new tab; the file is read as it arrives in the browser.
    const files: { url: string; status: number; type: string | undefined; bytes: Buffer }[] = [];
    await s.context.route(/\/files\//, async (route) => {
      const response = await route.fetch();
      files.push({
        url: route.request().url(),
        status: response.status(),
        type: response.headers()['content-type'],
        bytes: await response.body(),
      });
      await route.fulfill({ response });
    });
    const opened = s.context.waitForEvent('page');
    // Action.OpenUrl is not a button to the Playground's accessibility tree: click its label.
    await s.step('click Download the file', () =>
      s.page.getByText('Download the file', { exact: true }).last().click(),
    );
    const tab = await opened;
    await tab.waitForLoadState('domcontentloaded').catch(() => undefined);
    await s.step('wait for the file', async () => {
      for (let waited = 0; files.length === 0 && waited < 30_000; waited += 100) await tab.waitForTimeout(100);
    });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ status: 200, type: 'application/pdf' });
    const { text, title } = await pdfText(new Uint8Array(files[0]!.bytes));
    expect(title).toBe('Your plan');
    expect(text).toContain('Warehouse worker');
    expect(text).toContain('Your work agreement with Lagerhuset ApS');
    // Used once: the same link again gives nothing.
    expect((await fetch(files[0]!.url)).status).toBe(410);
  });
});
