import { computeDigest, DigestAggregatesSchema } from '../../bot/features/digest/metrics/digest-metrics';
import type { CompanyActivity } from '../../bot/features/digest/metrics/company-activity';
import { presentDigest } from '../../bot/features/digest/present';
import type { DigestView } from '../../bot/features/digest/view-rules';
import type { Figure } from '../../bot/features/digest/figure-rules';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { digestCard } from '../../cards/digest/digest-card';
import { validateCard } from '../../cards/validate';
import { cardText } from '../harness/bot-harness';
import { AS_OF, AS_OF_WEEK, ctx, facts } from './facts-fixtures';

/**
 * M14 (company-directed activity) and M15 (citizen- vs company-directed balance) over a small
 * municipality whose numbers are worked out by hand below. T = Monday 7 April 2025: the last four
 * weeks are [10 March, 7 April), the four before [10 February, 10 March).
 */
const contact = (date: string, contactKind: CompanyActivity['contactKind'], staffId: string): CompanyActivity => ({
  kind: 'contact',
  date,
  staffId,
  contactKind,
});
const opening = (date: string, staffId = 'vk1'): CompanyActivity => ({ kind: 'opening', date, staffId });

const COMPANY_SIDE: CompanyActivity[] = [
  // The virksomhedskonsulent, all in the last four weeks: 3 visits + 2 cold canvassing = 5 outreach,
  // 2 aftercare visits, a phone call and a placement follow-up: 9 contacts.
  contact('2025-03-11', 'OUTREACH_VISIT', 'vk1'),
  contact('2025-03-12', 'OUTREACH_VISIT', 'vk1'),
  contact('2025-03-13', 'OUTREACH_VISIT', 'vk1'),
  contact('2025-03-14', 'COLD_CANVASS', 'vk1'),
  contact('2025-03-17', 'COLD_CANVASS', 'vk1'),
  contact('2025-03-18', 'PHONE', 'vk1'),
  contact('2025-03-19', 'AFTERCARE_VISIT', 'vk1'),
  contact('2025-03-20', 'AFTERCARE_VISIT', 'vk1'),
  contact('2025-03-21', 'PLACEMENT_FOLLOW_UP', 'vk1'),
  // A jobformidler: one visit now, one visit and one aftercare visit in the four weeks before
  // (10 February counts, it is the first day), one too old and one on T itself (not yet in).
  contact('2025-04-06', 'OUTREACH_VISIT', 'j1'),
  contact('2025-03-09', 'OUTREACH_VISIT', 'j1'),
  contact('2025-02-10', 'AFTERCARE_VISIT', 'j1'),
  contact('2025-02-09', 'OUTREACH_VISIT', 'j1'),
  contact('2025-04-07', 'OUTREACH_VISIT', 'j1'),
  // Job openings obtained: three now (10 March is the first day), one before.
  opening('2025-03-10'),
  opening('2025-03-31'),
  opening('2025-04-06'),
  opening('2025-02-20'),
];

const CASES = [
  facts({
    caseRef: 'A',
    assignedJobformidlerId: 'j1',
    contacts: [
      { date: '2025-03-11' },
      { date: '2025-03-25' },
      { date: '2025-04-01' },
      // Logged on the company and so also on the case: the company side counts it, not the case.
      { date: '2025-03-21', type: 'WORKPLACE_FOLLOW_UP', direction: 'COMPANY_FACING', companyContactId: 'cc1' },
      // Logged on the case directly: counts here.
      { date: '2025-03-28', type: 'COMPANY_OUTREACH_VISIT', direction: 'COMPANY_FACING' },
      { date: '2025-03-30', type: 'AFTERCARE', direction: 'COMPANY_FACING' },
    ],
    placements: [{ placementId: 'p1', type: 'ORDINARY_PAID_HOURS', startDate: '2025-03-20' }],
    matches: [
      {
        openingId: 'o1',
        status: 'ACCEPTED',
        proposedOn: '2025-03-12',
        decidedOn: '2025-03-14',
        placementStartedOn: '2025-03-20',
      },
      { openingId: 'o2', status: 'PROPOSED', proposedOn: '2025-03-05' },
      { openingId: 'o3', status: 'DECLINED', proposedOn: '2025-03-15', decidedOn: '2025-03-16' },
    ],
  }),
  facts({
    caseRef: 'B',
    assignedJobformidlerId: 'j2',
    contacts: [{ date: '2025-03-12' }, { date: '2025-03-13', type: 'PHONE' }, { date: '2025-02-01', type: 'MESSAGE' }],
    placements: [{ placementId: 'p2', type: 'COMPANY_INTERNSHIP', startDate: '2025-02-15' }],
    matches: [{ openingId: 'o1', status: 'ACCEPTED', proposedOn: '2025-03-13', decidedOn: '2025-04-02' }],
  }),
];

const settings = defaultTenantSettings();
const run = (cases = CASES, company = COMPANY_SIDE) =>
  computeDigest({ ...ctx(), isoWeek: AS_OF_WEEK }, cases, [], company);

function render(view: DigestView, workload?: Parameters<typeof digestCard>[0]['workload']) {
  const card = digestCard({ locale: 'da', view, scope: 'municipality', settings, ...(workload ? { workload } : {}) });
  const { errors, sizeBytes } = validateCard(card);
  expect(errors).toEqual([]);
  expect(sizeBytes).toBeLessThan(28 * 1024);
  return card;
}

const present = (r: ReturnType<typeof run>) =>
  presentDigest({
    aggregates: r.aggregates,
    trend: [],
    k: 5,
    target: 0.4,
    caseloadBand: [30, 40],
    companyContactShareBand: settings.companyContactShareBand,
  });

const figure = (view: DigestView, id: string): Figure => {
  const f = view.sections.flow.flatMap((b) => b.figures).find((x) => x.id === id);
  if (f === undefined) throw new Error(`no figure ${id}`);
  return f;
};

describe('M14 company-directed activity, counted where it is logged', () => {
  it('adds company contacts and openings to what the cases hold, once each, with the four weeks before', () => {
    const { m14 } = run().aggregates;
    expect(m14).toEqual({
      outreachVisits: 7, // 5 by the consultant + 1 by j1 on the company + 1 logged on case A
      jobOpenings: 3,
      placementsStarted: 1, // p1 on 20 March; p2 (15 February) is in the trend
      jobPlacements: 1,
      aftercare: 3, // 2 on the company + 1 on case A; the follow-up logged on the company and the case counts once (as no aftercare)
      matches: { proposed: 3, accepted: 2, placed: 1 }, // proposed A/o1, A/o3, B/o1 (A/o2 is older); taken A/o1, B/o1; placed A/o1
      previous: { outreachVisits: 1, jobOpenings: 1, placementsStarted: 1, jobPlacements: 0, aftercare: 1 },
    });
  });

  it('shows counts under 5 as "< 5", now and in the trend', () => {
    const view = present(run());
    expect(figure(view, 'M14_VISITS')).toMatchObject({
      value: { shown: true, value: 7 },
      previous: { shown: false, reason: 'small' },
    });
    for (const id of ['M14_OPENINGS', 'M14_AFTERCARE', 'M14_MATCHES', 'M14_MATCHES_TAKEN', 'M14_MATCHES_PLACED'])
      expect([id, figure(view, id).value]).toEqual([id, { shown: false, reason: 'small' }]);
    const text = cardText(render(view));
    expect(text).toMatch(/Virksomhedsbesøg \(4 uger\)\n7\nforrige 4 uger: < 5/);
    expect(text).toMatch(/Jobåbninger \(4 uger\)\n< 5 \(forrige 4 uger: < 5\)/);
    expect(text).toMatch(/Jobmatch foreslået \(4 uger\)\n< 5/);
  });

  it('shows the trend when both periods have enough', () => {
    const many = Array.from({ length: 6 }, (_, i) => contact(`2025-02-${11 + i}`, 'OUTREACH_VISIT', 'vk1'));
    const view = present(run(CASES, [...COMPANY_SIDE, ...many]));
    expect(figure(view, 'M14_VISITS').previous).toEqual({ shown: true, value: 7 });
    expect(cardText(render(view))).toMatch(/Virksomhedsbesøg \(4 uger\)\n7\nforrige 4 uger: 7/);
  });
});

describe('M15 balance of citizen- and company-directed contacts', () => {
  it('is the share of company-directed contacts among all contacts of the last four weeks', () => {
    // Company side: 9 + 1 = 10. Cases: A 3 citizen + 2 company (the third is the company's own), B 2 citizen.
    expect(run().aggregates.m15).toEqual({ companyFacing: 12, all: 17 });
    const view = present(run());
    expect(figure(view, 'M15')).toMatchObject({
      value: { shown: true, value: 12 / 17 },
      count: { shown: true, value: 12 },
      of: { shown: true, value: 17 },
      status: 'warning', // 71 % is above the band 30–50 %
    });
    const text = cardText(render(view));
    expect(text).toContain('71 %');
    expect(text).toContain('12 af 17');
    expect(text).toContain('kommunens mål er 30 %–50 %');
  });

  it('is "good" inside the band, and hidden when the citizen-directed rest is under 5', () => {
    const citizens = facts({
      caseRef: 'C',
      assignedJobformidlerId: 'j2',
      contacts: Array.from({ length: 13 }, (_, i) => ({ date: `2025-03-${String(11 + i).padStart(2, '0')}` })),
    });
    const inBand = present(run([...CASES, citizens]));
    // 12 of 30 = 40 %.
    expect(figure(inBand, 'M15')).toMatchObject({ value: { shown: true, value: 0.4 }, status: 'good' });

    const onlyCompany = present(run([], COMPANY_SIDE));
    // 10 of 10: the complement (0 citizen contacts) is under 5, so the share would give it away.
    expect(figure(onlyCompany, 'M15')).toMatchObject({ value: { shown: false }, count: { shown: false } });
    expect(figure(onlyCompany, 'M15').status).toBeUndefined();
  });

  it("per staff member, only in the leader's private view: company contacts by who had them, case contacts by the case's jobformidler", () => {
    const r = run();
    const row = (id: string) => r.workload.find((w) => w.userId === id);
    expect(row('vk1')).toMatchObject({ caseload: 0, companyContacts: 9, citizenContacts: 0 });
    expect(row('j1')).toMatchObject({ companyContacts: 3, citizenContacts: 3 });
    expect(row('j2')).toMatchObject({ companyContacts: 0, citizenContacts: 2 });
    const rows = r.workload.map((w) => ({ ...w, name: w.userId === 'vk1' ? 'Vera' : w.userId }));
    const preview = cardText(render(present(r), rows));
    expect(preview).toContain('9 virksomhedskontakter de seneste 4 uger (100 % af kontakterne)');
    expect(preview).toContain('3 virksomhedskontakter de seneste 4 uger (50 % af kontakterne)');
    const channel = cardText(render(present(r)));
    expect(channel).not.toContain('virksomhedskontakter de seneste');
  });
});

describe('snapshots written before the company side was counted', () => {
  it('still read, and show the new figures as nothing yet', () => {
    const a = run().aggregates;
    const { m15: _m15, ...older } = a;
    const { matches: _matches, previous: _previous, ...m14 } = a.m14;
    const parsed = DigestAggregatesSchema.parse({ ...older, m14 });
    expect(parsed.m15).toBeUndefined();
    const view = presentDigest({ aggregates: parsed, trend: [], k: 5, target: 0.4, caseloadBand: [30, 40] });
    expect(figure(view, 'M15').value).toEqual({ shown: false, reason: 'small' });
    expect(figure(view, 'M14_VISITS').previous).toBeUndefined();
    expect(view.asOf).toBe(AS_OF);
  });
});
