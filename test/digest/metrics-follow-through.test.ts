import { caseView } from '../../bot/features/digest/metrics/case-view';
import {
  m13Accumulator,
  m17Accumulator,
  m20Accumulator,
  m23Accumulator,
  m7Accumulator,
  m8Accumulator,
} from '../../bot/features/digest/metrics/follow-through';
import { computeDigest } from '../../bot/features/digest/metrics/digest-metrics';
import { presentDigest } from '../../bot/features/digest/present';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { digestCard } from '../../cards/digest/digest-card';
import { validateCard } from '../../cards/validate';
import { cardText } from '../harness/bot-harness';
import { AS_OF, AS_OF_WEEK, ctx, run } from './facts-fixtures';
import { PLAN_2025, followThrough } from './follow-through-fixtures';

/** M7, M8, M13, M17, M20, M23 on the hand-computed fixtures of follow-through-fixtures.ts. */
const { cases, sensitive } = followThrough(1);
const only = (...prefixes: string[]) => cases.filter((c) => prefixes.some((p) => c.caseRef.startsWith(p)));

describe('M7 exit to self-support', () => {
  it('counts group 1 cases of the window closed in it for a job, over the cases active in group 1 in it', () => {
    expect(run(m7Accumulator(ctx()), only('A'))).toEqual({ share: { numerator: 1, denominator: 3 } });
  });
});

describe('M8 group 2 clarified', () => {
  it('counts a recommendation before T or a clarifying closure, among group 2 visitations of the last 12 months', () => {
    expect(run(m8Accumulator(ctx()), only('B'))).toEqual({ share: { numerator: 2, denominator: 5 } });
  });
});

describe('M13 ad hoc enquiries', () => {
  it('counts held ad hoc enquiries last week and in the last 4 weeks, T excluded', () => {
    expect(run(m13Accumulator(ctx()), only('C'))).toEqual({ lastWeek: 2, last4Weeks: 3 });
  });
});

describe('M17 visitation against the plan', () => {
  it('counts each citizen once, in the group of the first decision, against the plan pro rata to T', () => {
    const r = run(
      m17Accumulator({ ...ctx(), settings: { ...defaultTenantSettings(), visitationPlan: PLAN_2025 } }),
      only('D'),
    );
    expect(r.year).toBe(2025);
    expect(r.actual).toEqual({ G1_INTERVENTION: 3, G2_REHABILITATION: 2, G3_NOT_EMPLOYMENT_READY: 1 });
    expect(r.outOfScope).toBe(1);
    // 96 days of 365 have passed on 7 April 2025.
    expect(r.plannedToDate?.G1_INTERVENTION).toBeCloseTo(96, 10);
    expect(r.plannedToDate?.G2_REHABILITATION).toBeCloseTo(19.2, 10);
    expect(r.plannedToDate?.G3_NOT_EMPLOYMENT_READY).toBeCloseTo((36 * 96) / 365, 10);
  });

  it('has no plan to compare with when none is set, or the plan is for another year', () => {
    expect(run(m17Accumulator(ctx()), only('D')).plannedToDate).toBeUndefined();
    const lastYear = { ...defaultTenantSettings(), visitationPlan: { ...PLAN_2025, year: 2024 } };
    expect(run(m17Accumulator({ ...ctx(), settings: lastYear }), only('D')).plannedToDate).toBeUndefined();
  });
});

describe('M20 continuity with one jobformidler', () => {
  it('counts active group 1 cases that have had one jobformidler since their first group 1 visitation', () => {
    expect(run(m20Accumulator(ctx()), only('E'))).toEqual({ share: { numerator: 2, denominator: 3 } });
  });
});

describe('M23 compensation schemes considered after a positive screening', () => {
  it('joins the running placements with the screenings, and counts grants of the last 12 months', () => {
    const acc = m23Accumulator(ctx());
    for (const c of only('F')) acc.addCase(caseView(c));
    for (const s of sensitive) acc.addSensitive(s);
    expect(acc.result()).toEqual({ share: { numerator: 2, denominator: 3 }, grantedLast12m: 2 });
  });
});

describe('the digest with the follow-through metrics', () => {
  const settings = { ...defaultTenantSettings(), visitationPlan: PLAN_2025 };
  const view = (copies: number) => {
    const data = followThrough(copies);
    const computation = computeDigest({ asOf: AS_OF, isoWeek: AS_OF_WEEK, settings }, data.cases, data.sensitive);
    const trend = Array.from({ length: 12 }, (_, i) => ({
      isoWeek: `2025-W${String(i + 4).padStart(2, '0')}`,
      share: computation.aggregates.m1.share,
    }));
    return presentDigest({ aggregates: computation.aggregates, trend, k: 5, target: 0.4, caseloadBand: [30, 40] });
  };
  const render = (copies: number, workload = 0) => {
    const card = digestCard({
      locale: 'da',
      view: view(copies),
      scope: 'municipality',
      settings,
      ...(workload > 0
        ? {
            workload: Array.from({ length: workload }, (_, i) => ({
              userId: `jf-${i}`,
              name: `Jobformidler med et langt navn ${i}`,
              caseload: 35,
              overdue: 3,
              jobConversationsLastWeek: 9,
            })),
          }
        : {}),
    });
    const { errors, sizeBytes } = validateCard(card);
    expect(errors).toEqual([]);
    return { card, sizeBytes };
  };

  it('hides every count below 5 in a small municipality: one copy of the fixtures shows no number of them', () => {
    const text = cardText(render(1).card);
    expect(text).toContain('Afgang til selvforsørgelse');
    expect(text).toContain('Kontinuitet hos jobformidleren');
    for (const id of ['M7', 'M8', 'M20', 'M23'] as const) {
      const block = [...view(1).sections.results, ...view(1).sections.quality].find((b) => b.id === id);
      expect([id, block?.figures[0]?.value.shown]).toEqual([id, false]);
    }
  });

  it('has every definition behind "Hvad betyder tallet?" in Danish and English', () => {
    for (const locale of ['da', 'en'] as const) {
      const card = digestCard({ locale, view: view(5), scope: 'municipality', settings });
      const json = JSON.stringify(card);
      for (const id of ['M7', 'M8', 'M13', 'M17', 'M20', 'M23'])
        expect([locale, json]).toEqual([locale, expect.stringContaining(`"what-${id}"`)]);
    }
    expect(cardText(digestCard({ locale: 'en', view: view(5), scope: 'municipality', settings }))).toContain(
      'Visitation as planned',
    );
  });

  it('says the plan is missing instead of a share when none is set', () => {
    const noPlan = defaultTenantSettings();
    const data = followThrough(5);
    const c = computeDigest({ asOf: AS_OF, isoWeek: AS_OF_WEEK, settings: noPlan }, data.cases, data.sensitive);
    const v = presentDigest({ aggregates: c.aggregates, trend: [], k: 5, target: 0.4, caseloadBand: [30, 40] });
    expect(v.visitationPlanMissing).toBe(2025);
    const text = cardText(digestCard({ locale: 'da', view: v, scope: 'municipality', settings: noPlan }));
    expect(text).toContain('Kommunen har ikke sat plantal for visitation i 2025.');
  });

  it('stays under 28 KB with every metric and 40 colleagues in the leader’s preview', () => {
    // With every definition inline this card was 28.8 KB (2026-12), over Teams' limit: it is sent
    // compact, the headline's definition inline and the rest behind "forklar ugerapport".
    const { card, sizeBytes } = render(5, 40);
    expect(sizeBytes).toBeLessThan(28 * 1024);
    const json = JSON.stringify(card);
    expect(json).toContain('"id":"what-M1"');
    expect(json).not.toContain('"id":"what-M14"');
    expect(json).not.toContain('"targetElements":["what-M14"]');
    const text = cardText(card);
    expect(text).toContain('Hvad betyder tallene? Skriv "forklar ugerapport" til Fremdrift.');
    expect(text).not.toContain('Tryk på en linje med (?)');
  });

  it('keeps every definition inline behind its "(?)" when the digest has room for them', () => {
    const json = JSON.stringify(render(5).card);
    for (const id of ['M1', 'M14', 'M17', 'M20']) expect(json).toContain(`"targetElements":["what-${id}"]`);
    expect(cardText(render(5).card)).toContain('Tryk på en linje med (?)');
  });
});
