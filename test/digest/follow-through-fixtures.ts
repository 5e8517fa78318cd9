import type { CaseFacts, SensitiveFacts } from '../../bot/domain/case-facts';
import { FIXTURE_TENANT, facts, sensitive } from './facts-fixtures';

/**
 * Hand-computed fixtures for M7, M8, M13, M17, M20 and M23 (issue 15 item 7). T = Monday 7 April
 * 2025; W = [2025-01-06, 2025-04-07); last week = [03-31, 04-07); 4 weeks = [03-10, 04-07);
 * 12 months = [2024-04-07, 2025-04-07). Each set holds, per copy:
 *
 * M7  D = A1, A2, A4 (A3 ended before W, A5 never in group 1); N = A1            → 1 of 3
 * M8  D = B1, B2, B3, B5, B6 (B4 more than 12 months ago); N = B1, B2            → 2 of 5
 * M13 last week C1 04-01, C3 04-06 = 2; 4 weeks + C1 03-15 = 3 (03-09, T itself, not held: out)
 * M17 first decisions this year: G1 D1 D2 D3, G2 D4 D6 (D6 later G1: its first decision counts),
 *     G3 D5, outside D7 (D8 in 2024, D9 on T: out)                                → G1 3, G2 2, G3 1, out 1
 * M20 D = E1, E2, E3 active in G1 on 04-06 (E4 closed); N = E1, E3 (one jobformidler) → 2 of 3
 * M23 D = F1, F2, F3 (impact + placement running on 04-06); N = F1 (discussed), F2 (application)
 *     → 2 of 3; granted in 12 months: F2 (2025-01-10), G1s (2024-12-01) = 2 (G2s 2024-01-01: out)
 *
 * `copies` repeats the set with other case refs, so the e2e digest has numbers above k = 5.
 */
export function followThrough(
  copies = 1,
  tenantId = FIXTURE_TENANT,
): { cases: CaseFacts[]; sensitive: SensitiveFacts[] } {
  const cases: CaseFacts[] = [];
  const sens: SensitiveFacts[] = [];
  const g1 = (from: string) => ({ group: 'G1_INTERVENTION' as const, conversationAt: from, effectiveFrom: from });
  const g2 = (from: string) => ({ group: 'G2_REHABILITATION' as const, conversationAt: from, effectiveFrom: from });
  for (let i = 0; i < copies; i++) {
    const r = (id: string) => `${id}-${i}`;
    const add = (input: Parameters<typeof facts>[0]) => cases.push(facts(input, tenantId));
    // M7
    add({
      caseRef: r('A1'),
      g1: [['2024-12-01', '2025-02-10']],
      closure: { date: '2025-02-10', reason: 'EMPLOYED_SELF_SUPPORTING' },
      status: 'CLOSED',
    });
    add({ caseRef: r('A2'), g1: [['2025-01-10']] });
    add({
      caseRef: r('A3'),
      g1: [['2024-10-01', '2024-12-20']],
      closure: { date: '2024-12-20', reason: 'EMPLOYED_SELF_SUPPORTING' },
      status: 'CLOSED',
    });
    add({
      caseRef: r('A4'),
      g1: [['2025-02-01', '2025-03-01']],
      closure: { date: '2025-03-01', reason: 'EDUCATION' },
      status: 'CLOSED',
    });
    add({
      caseRef: r('A5'),
      visitations: [g2('2024-01-15')],
      closure: { date: '2025-02-15', reason: 'EMPLOYED_SELF_SUPPORTING' },
      status: 'CLOSED',
    });
    // M8
    add({
      caseRef: r('B1'),
      visitations: [g2('2024-06-01')],
      rehab: { recommendation: 'FLEXJOB', recommendedAt: '2024-09-01' },
      status: 'VISITED',
    });
    add({
      caseRef: r('B2'),
      visitations: [g2('2025-01-15')],
      closure: { date: '2025-03-01', reason: 'RESOURCE_COURSE' },
      status: 'CLOSED',
    });
    add({ caseRef: r('B3'), visitations: [g2('2025-02-01')], status: 'VISITED' });
    add({
      caseRef: r('B4'),
      visitations: [g2('2024-03-01')],
      rehab: { recommendation: 'DISABILITY_PENSION', recommendedAt: '2024-06-01' },
      status: 'VISITED',
    });
    add({
      caseRef: r('B5'),
      visitations: [g2('2025-03-01')],
      rehab: { recommendation: 'RESOURCE_COURSE', recommendedAt: '2025-04-08' },
      status: 'VISITED',
    });
    add({
      caseRef: r('B6'),
      visitations: [g2('2025-02-10')],
      closure: { date: '2025-03-05', reason: 'MOVED' },
      status: 'CLOSED',
    });
    // M13
    add({
      caseRef: r('C1'),
      contacts: [
        { date: '2025-04-01', type: 'AD_HOC_INBOUND' },
        { date: '2025-03-15', type: 'AD_HOC_INBOUND' },
      ],
    });
    add({
      caseRef: r('C2'),
      contacts: [
        { date: '2025-03-09', type: 'AD_HOC_INBOUND' },
        { date: '2025-04-07', type: 'AD_HOC_INBOUND' },
      ],
    });
    add({
      caseRef: r('C3'),
      contacts: [
        { date: '2025-04-06', type: 'AD_HOC_INBOUND' },
        { date: '2025-04-02', type: 'AD_HOC_INBOUND', completed: false },
      ],
    });
    // M17
    for (const id of ['D1', 'D2', 'D3']) add({ caseRef: r(id), visitations: [g1('2025-02-03')] });
    add({ caseRef: r('D4'), visitations: [g2('2025-01-20')], status: 'VISITED' });
    add({
      caseRef: r('D5'),
      visitations: [{ group: 'G3_NOT_EMPLOYMENT_READY', conversationAt: '2025-03-03', effectiveFrom: '2025-03-03' }],
      closure: { date: '2025-03-03', reason: 'REFERRED_TO_OTHER_SERVICES' },
      status: 'CLOSED',
    });
    add({
      caseRef: r('D6'),
      visitations: [{ ...g2('2025-02-01'), effectiveTo: '2025-03-01' }, g1('2025-03-01')],
    });
    add({
      caseRef: r('D7'),
      visitations: [{ group: 'OUT_OF_SCOPE', conversationAt: '2025-01-08', effectiveFrom: '2025-01-08' }],
      closure: { date: '2025-01-08', reason: 'NOT_IN_TARGET_GROUP' },
      status: 'CLOSED',
    });
    add({ caseRef: r('D8'), visitations: [g1('2024-12-20')] });
    add({ caseRef: r('D9'), visitations: [g1('2025-04-07')] });
    // M20
    add({ caseRef: r('E1'), g1: [['2024-11-01']], jobformidlerCount: 1 });
    add({ caseRef: r('E2'), g1: [['2024-11-01']], jobformidlerCount: 2 });
    add({ caseRef: r('E3'), g1: [['2025-03-20']], jobformidlerCount: 1 });
    add({
      caseRef: r('E4'),
      g1: [['2024-11-01', '2025-03-01']],
      jobformidlerCount: 1,
      closure: { date: '2025-03-01', reason: 'OTHER' },
      status: 'CLOSED',
    });
    // M23
    const running = (id: string) => [{ placementId: `${id}-p`, startDate: '2025-02-01' }];
    add({
      caseRef: r('F1'),
      placements: running(r('F1')),
      agreementsIn: [{ agreementId: 'a', hkoNeedsDiscussed: true }],
    });
    add({ caseRef: r('F2'), placements: running(r('F2')), agreementsIn: [{ agreementId: 'a' }] });
    add({ caseRef: r('F3'), placements: running(r('F3')) });
    add({
      caseRef: r('F4'),
      placements: [{ placementId: 'p', startDate: '2024-12-01', actualEndDate: '2025-03-01', status: 'COMPLETED' }],
    });
    add({
      caseRef: r('F5'),
      placements: running(r('F5')),
      agreementsIn: [{ agreementId: 'a', hkoNeedsDiscussed: true }],
    });
    const impact = { conductedAt: '2024-12-01', outcome: 'INDICATION_WITH_JOB_IMPACT' };
    sens.push(
      sensitive({ caseRef: r('F1'), screening: impact }, tenantId),
      sensitive(
        {
          caseRef: r('F2'),
          screening: impact,
          hko: [{ type: 'AID_WORK_TOOL', appliedAt: '2025-01-02', decidedAt: '2025-01-10', decision: 'GRANTED' }],
        },
        tenantId,
      ),
      sensitive({ caseRef: r('F3'), screening: impact }, tenantId),
      sensitive({ caseRef: r('F4'), screening: impact }, tenantId),
      sensitive({ caseRef: r('F5'), screening: { conductedAt: '2024-12-01', outcome: 'NO_INDICATION' } }, tenantId),
      sensitive(
        {
          caseRef: r('G1s'),
          hko: [
            { type: 'PERSONAL_ASSISTANCE_WORK', appliedAt: '2024-11-20', decidedAt: '2024-12-01', decision: 'GRANTED' },
          ],
        },
        tenantId,
      ),
      sensitive(
        {
          caseRef: r('G2s'),
          hko: [{ type: 'AID_WORK_TOOL', appliedAt: '2023-12-20', decidedAt: '2024-01-01', decision: 'GRANTED' }],
        },
        tenantId,
      ),
    );
  }
  return { cases, sensitive: sens };
}

/** The municipality's plan for 2025: 365 / 73 / 36 a year; 96 of 365 days have passed on T. */
export const PLAN_2025 = { year: 2025, G1_INTERVENTION: 365, G2_REHABILITATION: 73, G3_NOT_EMPLOYMENT_READY: 36 };
