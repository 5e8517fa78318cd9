import { BotHarness, TEST_TENANT, cardText, type TestUser } from '../harness/bot-harness';
import { businessDate } from '../../bot/domain/calendar';
import { caseDocId } from '../../bot/domain/case';
import { stripSystemFields } from '../../bot/store/documents';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { addDays } from '../../bot/domain/calendar';
import { describePlan, planMunicipality, type MunicipalityPlan } from '../../bot/local/demo/municipality/plan';
import { seedMunicipality } from '../../bot/local/demo/municipality/seed-municipality';

/**
 * The synthetic municipality (npm run seed:demo): the same seed gives the same municipality, its
 * shape follows the programmes' figures, and it is written through the app's use cases, so what a
 * user then sees is what the app itself recorded.
 */
const plan = (seed: number, cases: number, featured?: TestUser): MunicipalityPlan =>
  planMunicipality({
    cases,
    seed,
    tenantId: TEST_TENANT,
    today: businessDate(new Date()),
    ...(featured ? { featuredUser: { userId: featured.aadObjectId, displayName: featured.name } } : {}),
  });

describe('the synthetic municipality plan', () => {
  it('is the same for the same seed and another for another seed', () => {
    expect(plan(5, 300)).toEqual(plan(5, 300));
    expect(plan(6, 300).cases.map((c) => c.visitation?.group)).not.toEqual(
      plan(5, 300).cases.map((c) => c.visitation?.group),
    );
  });

  it('has the programmes’ shape: group mix, screening outcomes and caseloads of 30–40', () => {
    const p = plan(11, 3000);
    const d = describePlan(p);
    const visited = d.g1! + d.g2! + d.g3! + d.outOfScope!;
    expect(d.g1! / visited).toBeGreaterThan(0.52);
    expect(d.g1! / visited).toBeLessThan(0.66);
    expect(d.g2! / visited).toBeGreaterThan(0.15);
    const gateway = p.cases.filter((c) => c.screening.gateway === 'YES').length / p.cases.length;
    expect(gateway).toBeGreaterThan(0.08);
    expect(gateway).toBeLessThan(0.18);
    const caseloads = new Map<string, number>();
    for (const c of p.cases) {
      const jf = c.visitation?.jobformidlerId;
      if (jf !== undefined) caseloads.set(jf, (caseloads.get(jf) ?? 0) + 1);
    }
    expect(caseloads.size).toBe(p.jobformidlere.length);
    for (const n of caseloads.values()) {
      expect(n).toBeGreaterThanOrEqual(30);
      expect(n).toBeLessThanOrEqual(40);
    }
  });
});

describe('seeding a municipality through the app', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('records every planned screening, visitation and jobformidler’s work as the app does, and a second run adds nothing', async () => {
    const alex = await h.userWithRoles('Alex', []);
    const p = plan(3, 20, alex);
    const first = await seedMunicipality(h.services, p);
    expect(first).toMatchObject({ created: 20, existed: 0 });
    expect(first.workActions).toBeGreaterThan(0);

    const { cases } = h.services.store.containers;
    for (const c of p.cases) {
      const { resource } = await cases.item(caseDocId(TEST_TENANT, 'case'), c.caseNumber).read();
      const doc = stripSystemFields(resource as Record<string, unknown>);
      if (c.screening.pausedAfterSteps !== undefined) expect(doc.status).toBe('SCREENING');
      else if (c.visitation === undefined) expect(doc.status).toBe('AWAITING_VISITATION');
      else if (c.visitation.group === 'G1_INTERVENTION') {
        expect(doc.status).toBe('ACTIVE');
        expect(doc.assignedJobformidlerId).toBe(c.visitation.jobformidlerId);
      } else expect(doc.status).toBe('VISITED');
    }

    // The featured user got roles from the key person, and sees the decisions on the cases they screened.
    expect((await h.services.directory.getUser(TEST_TENANT, alex.aadObjectId))?.roles).toEqual([
      'screener',
      'jobformidler',
      'leder',
    ]);
    const mine = p.cases.find((c) => c.screenerId === alex.aadObjectId && c.visitation?.group === 'G1_INTERVENTION');
    const jf = p.jobformidlere.find((j) => j.userId === mine?.visitation?.jobformidlerId);
    const opened = cardText((await h.say(alex, `visitation ${mine!.caseNumber}`)).cards[0]);
    expect(opened).toContain('Sagen var allerede visiteret');
    expect(opened).toContain(jf!.displayName);

    // A group-1 citizen in a placement: the agreement, the placement, the weeks of hours and the
    // follow-ups the plan holds were recorded by the jobformidler's card clicks, and the case facts
    // (what Mine borgere, the nudge and the digest read) show them.
    const placed = p.cases.find((c) => (c.work?.placement?.weeks.length ?? 0) > 2)!;
    expect(placed).toBeDefined();
    const placement = placed.work!.placement!;
    const factsRepo = new CaseFactsRepository(h.services.store);
    const facts = (await factsRepo.get(TEST_TENANT, placed.caseNumber))!;
    expect(facts.assignedJobformidlerId).toBe(placed.visitation!.jobformidlerId);
    expect(facts.agreements).toHaveLength(1);
    expect(facts.agreements[0]).toMatchObject({
      placementType: placement.type,
      agreedAt: placement.startOn,
      signedAt: placement.startOn,
      complete: placement.agreementComplete,
    });
    expect(facts.placements).toEqual([
      expect.objectContaining({
        type: placement.type,
        startDate: placement.startOn,
        status: placement.end?.status ?? 'ACTIVE',
        ...(placement.end !== undefined ? { actualEndDate: placement.end.on } : {}),
      }),
    ]);
    const loggedWeeks = placement.weeks.filter((w) => addDays(w.monday, 7) <= p.today);
    expect(facts.weeks.map((w) => [w.isoWeek, w.ordinaryHours, w.practiceHours])).toEqual(
      loggedWeeks.map((w) => [w.isoWeek, w.ordinary, w.practice]),
    );
    // The facts keep the contacts of the half year before their last rebuild: the latest of the planned ones.
    const planned = placed.work!.contacts.map((c) => [c.on, c.type]);
    expect(facts.contacts.length).toBeGreaterThan(0);
    expect(facts.contacts.map((c) => [c.date, c.type])).toEqual(planned.slice(-facts.contacts.length));
    expect(facts.lastCitizenContactAt).toBeDefined();

    const again = await seedMunicipality(h.services, p);
    expect(again).toMatchObject({ created: 0, existed: 20, workActions: 0 });
    expect(await factsRepo.get(TEST_TENANT, placed.caseNumber)).toEqual(facts);
  });
});
