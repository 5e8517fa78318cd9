import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { stampNew } from '../../bot/domain/case-work-doc';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { PlacementRepository } from '../../bot/store/placement-repository';
import { WeeklyHoursRepository } from '../../bot/store/weekly-hours-repository';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';
import { handedOverCase } from './fixtures';

/**
 * Daily use as the Agents Playground (headless Chromium) draws it: Mine borgere in priority order
 * without empty emoji boxes, the hours chart's week labels uncut with 12 weeks, a visible button to
 * edit a placement, and the refreshed hours card offering the absence reasons under "Reason for
 * absence" (it offered the source choices). Matches both languages: the Playground sends en-US.
 */
describe('daily use in the Agents Playground', () => {
  // Wednesday 12 March 2025 (ISO week 11), 10:00 in Copenhagen.
  const now = new Date('2025-03-12T09:00:00Z');
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;
  const HOURS_CASE = 'PG-HOURS';

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ clock: new ManualClock(now) });
    await pg.grantRoles(['jobformidler']);
    const me = {
      aadObjectId: pg.user.aadObjectId,
      tenantId: pg.tenantId,
      botUserId: '',
      name: pg.user.name,
      locale: 'en-US',
    };
    for (let i = 0; i < 3; i++)
      await handedOverCase(pg.services, me, { caseRef: `PG-A${i}-FRESH`, conversationAt: '2025-03-10' });
    await handedOverCase(pg.services, me, { caseRef: 'PG-Z-OVERDUE', conversationAt: '2025-01-20' });
    await handedOverCase(pg.services, me, { caseRef: 'PG-Y-DUE', conversationAt: '2025-01-29' });
    // A placement since January and twelve weeks of hours (ISO week 52 of 2024 to week 11).
    await handedOverCase(pg.services, me, { caseRef: HOURS_CASE, conversationAt: '2024-12-16' });
    const { tenantId } = pg;
    const by = pg.user.aadObjectId;
    await new PlacementRepository(pg.services.store).save(
      {
        id: caseDocId(tenantId, 'placement', 'placement-0001'),
        tenantId,
        caseRef: HOURS_CASE,
        type: 'placement',
        ...stampNew(by, now),
        placementId: 'placement-0001',
        placementType: 'COMPANY_INTERNSHIP',
        companyName: 'Lageret A/S',
        startDate: '2025-01-06',
        plannedEndDate: '2025-05-30',
        status: 'ACTIVE',
      },
      undefined,
    );
    const weeks = ['2024-W52', ...Array.from({ length: 11 }, (_, i) => `2025-W${String(i + 1).padStart(2, '0')}`)];
    const hours = new WeeklyHoursRepository(pg.services.store);
    for (const [i, isoWeek] of weeks.entries())
      await hours.save(
        {
          id: caseDocId(tenantId, 'hours', isoWeek),
          tenantId,
          caseRef: HOURS_CASE,
          type: 'weekly_hours',
          ...stampNew(by, now),
          isoWeek,
          ordinaryHours: 2 + i,
          practiceHours: 20,
          absenceHours: 0,
          source: 'PAYSLIP',
          corrections: [],
        },
        undefined,
      );
    await new CaseFactsRepository(pg.services.store).rebuild(tenantId, HOURS_CASE, defaultTenantSettings(), now);
    s = await pg.open();
    await s.openPersonalChat();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('shows Mine borgere most pressing first, with words instead of emoji', async () => {
    await s.send('mine borgere');
    await s.waitForText(/Follow-ups: 2 overdue · 1 today|Opfølgning: 2 overskredet · 1 i dag/);
    const text = await s.page.locator('.ac-adaptiveCard').last().innerText();
    const order = ['PG-Z-OVERDUE', HOURS_CASE, 'PG-Y-DUE', 'PG-A0-FRESH'].map((ref) => text.indexOf(ref));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order.slice(0, 2).every((at) => at < (order[2] ?? 0))).toBe(true); // both overdue ones first
    expect(order[2]).toBeLessThan(order[3] ?? 0);
    expect(text).not.toMatch(/[\u2300-\u23ff\u2600-\u27bf\u{1F000}-\u{1FAFF}]/u);
    await s.screenshot('playground-mine-borgere');
  });

  it('draws twelve weeks of hours with every week label readable, and edits a placement from its button', async () => {
    await s.send(`sag ${HOURS_CASE}`);
    await s.waitForText(/Goal: 30 hours|Mål: 30 timer/);
    const labels = await s.page
      .locator('svg foreignObject > div')
      .evaluateAll((divs) => divs.map((d) => ({ text: d.textContent ?? '', cut: d.scrollWidth > d.clientWidth })));
    expect(labels.map((l) => l.text)).toEqual(['52', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(labels.filter((l) => l.cut)).toEqual([]);
    await s.screenshot('playground-hours-chart-12-weeks');

    await s.clickCardButton(/^(Edit placement|Ret forløb)$/);
    await s.waitForText(/Edit placement · PG-HOURS|Ret forløb · PG-HOURS/);
  });

  it('after saving hours, offers the absence reasons under "Reason for absence" (not the sources)', async () => {
    const cards = await s.countText(/^(Case|Sag) PG-HOURS$/);
    await s.send(`sag ${HOURS_CASE}`);
    await s.waitForText(/^(Case|Sag) PG-HOURS$/, { atLeast: cards + 1 });
    await s.clickCardButton(/^(Log hours|Registrér timer)$/);
    await s.waitForText(/Save week|Gem uge/);
    await s.fillCardInput(/Ordinary \(paid\) hours|Ordinære \(lønnede\) timer/, '14');
    await s.clickCardButton(/^(Save week|Gem uge)$/);
    await s.waitForText(/Week 10 is corrected|Uge 10 er rettet/);
    await s.page
      .getByRole('combobox', { name: /Reason for absence|Årsag til fravær/ })
      .last()
      .click();
    const options = await s.page.getByRole('option').allInnerTexts();
    await s.screenshot('playground-hours-after-save-reasons');
    expect(options).toEqual(expect.arrayContaining([expect.stringMatching(/^(Sickness|Sygdom)$/)]));
    expect(options.filter((o) => /Payslip|Lønseddel|Employer|Arbejdsgiver/.test(o))).toEqual([]);
  });

  it('asks for the reason when ordinary hours from the start are "not relevant", beside the field and the buttons', async () => {
    const cards = await s.countText(/^(Case|Sag) PG-HOURS$/);
    await s.send(`sag ${HOURS_CASE}`);
    await s.waitForText(/^(Case|Sag) PG-HOURS$/, { atLeast: cards + 1 });
    await s.clickCardButton(/^(New work agreement|Ny arbejdsaftale)$/);
    await s.waitForText(/^(New work agreement|Ny arbejdsaftale) · PG-HOURS$/);
    await s.fillCardInput(/CVR/, '24256790');
    await s.fillCardInput(/^(Company|Virksomhed)/, 'Lageret A/S');
    await s.fillCardInput(/^(Contact person at the company|Kontaktperson i virksomheden)/, 'Bo Hansen');
    await s.clickCardButton(/^(Create work agreement|Opret arbejdsaftale)$/);
    await s.waitForText(/0 of 6 critical items settled|0 af 6 centrale punkter/);
    await s.step('set ordinary hours from the start to not relevant', async () => {
      await s.page
        .getByRole('combobox', {
          name: /^★ (Ordinary \(paid\) hours from the start|Ordinære \(lønnede\) timer fra start)/,
        })
        .last()
        .click();
      await s.page.getByRole('option', { name: /^(Not relevant|Ikke relevant)$/ }).click();
    });
    await s.clickCardButton(/^(Save work agreement|Gem arbejdsaftale)$/);
    await s.waitForText(/The agreement is not saved|Aftalen er ikke gemt/);
    expect(await s.page.getByRole('button', { name: /^(Start placement|Start forløb)$/ }).count()).toBe(0);
    await s.screenshot('playground-agreement-reason-missing');
    await s.step('write the reason', () =>
      s.page
        .getByLabel(/^(Reason, if not relevant|Begrundelse, hvis ikke relevant)/)
        .first()
        .fill('Unpaid practice the first four weeks'),
    );
    await s.clickCardButton(/^(Save work agreement|Gem arbejdsaftale)$/);
    await s.waitForText(/The work agreement is saved|Arbejdsaftalen er gemt/);
    await s.waitForText(/1 of 6 critical items settled|1 af 6 centrale punkter/);
  });
});
