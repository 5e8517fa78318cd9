import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import type { DigestAggregates, TrendPoint } from '../../bot/features/digest/metrics/digest-metrics';
import { presentDigest } from '../../bot/features/digest/present';
import type { DigestView } from '../../bot/features/digest/view-rules';
import { digestCard } from '../../cards/digest/digest-card';
import { validateCard } from '../../cards/validate';
import type { AdaptiveCard } from '../../cards/types';
import { cardText } from '../harness/bot-harness';

/** The digest card: what a team reads in the channel, and what a leader gets privately. */
const sh = (numerator: number, denominator: number) => ({ numerator, denominator });
const st = (n: number, median: number) => ({ n, median, mean: median });
const settings = defaultTenantSettings();

function aggregates(overrides: Partial<DigestAggregates> = {}): DigestAggregates {
  return {
    isoWeek: '2025-W15',
    asOf: '2025-04-07',
    cases: 120,
    m1: { share: sh(23, 52), point: sh(20, 48), mature: sh(21, 40) },
    m2: { share: sh(9, 15), hoursAtStart: st(9, 6.5) },
    m3: { share: sh(11, 15), mostMissing: { item: 'MILESTONES', count: 5 } },
    m4: { share: sh(14, 22) },
    m5: {
      improved: sh(8, 13),
      delta: st(13, 2.5),
      weekly: [{ isoWeek: '2025-W14', hours: 111, cases: 9 }],
    },
    m6: { sustained: sh(6, 48), ever3m: sh(9, 52) },
    m9: { days: st(12, 11), within14: sh(8, 12), waiting: 6 },
    m10: { activeG1: 48, overdue: 7, soon: 9 },
    m11: { jobformidlere: 6, caseload: st(6, 33), above: 1, within: 4, below: 1 },
    m12: { lastWeek: 19, last4Weeks: 70 },
    m14: { outreachVisits: 12, jobOpenings: 7, placementsStarted: 10, jobPlacements: 5, aftercare: 3 },
    m16: { screenings: 20, withImpact: 11, visitedWithin14: 6, startedG1: 5 },
    m18: { decisionDays: st(8, 6), decidedWithinTarget: sh(5, 8), deliveryDays: st(6, 4), openOver10: 2 },
    m19: { cv: sh(30, 48), goal: sh(33, 48), goalUpdated: sh(25, 48) },
    m22: { coverage: sh(0, 40), improved: sh(0, 0) },
    ...overrides,
  };
}

const weeks = (last: DigestAggregates, before: (i: number) => TrendPoint['share']): TrendPoint[] => [
  ...Array.from({ length: 11 }, (_, i) => ({ isoWeek: `2025-W${String(i + 4).padStart(2, '0')}`, share: before(i) })),
  { isoWeek: last.isoWeek, share: last.m1.share },
];

function view(a = aggregates(), trend = weeks(a, (i) => sh(15 + i, 50))): DigestView {
  return presentDigest({ aggregates: a, trend, k: 5, target: 0.4, caseloadBand: [30, 40] });
}

function render(v: DigestView, locale: 'da' | 'en' = 'da', workload?: Parameters<typeof digestCard>[0]['workload']) {
  const card = digestCard({ locale, view: v, scope: 'team', settings, ...(workload ? { workload } : {}) });
  const { errors, sizeBytes } = validateCard(card);
  expect(errors).toEqual([]);
  expect(sizeBytes).toBeLessThan(28 * 1024);
  return card;
}

/** FactSet rows and headline rows as "label → value", the way a reader pairs them. */
function figures(card: AdaptiveCard): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.set(f.title, f.value);
    if (o.type === 'ColumnSet') {
      const [left, right] = o.columns as { items: { text?: string }[] }[];
      const label = left?.items.map((i) => i.text ?? '').join(' | ');
      const value = right?.items.map((i) => i.text ?? '').join(' | ');
      if (label && value) out.set(label, value);
    }
    Object.values(o).forEach(walk);
  };
  walk(card.body);
  return out;
}

const find = (card: AdaptiveCard, labelPart: string): string | undefined =>
  [...figures(card)].find(([label]) => label.includes(labelPart))?.[1];

describe('digest card', () => {
  it('leads with M1 against 40 % with the change since last week and a 12-week native chart with a table fallback', () => {
    const card = render(view());
    const text = cardText(card);
    expect(text).toContain('Ugerapport · uge 15');
    expect(text).toContain('Teamets borgere · tal til og med søndag den 6. april 2025');
    expect(text).toContain('44 %');
    expect(text).toContain('Mål: 40 % · 23 af 52 · ▼ 6 procentpoint siden sidste uge');
    const chart = card.body.find((e) => e.type === 'Chart.Line') as Record<string, unknown>;
    const series = chart.data as { legend: string; values: { x: string; y: number }[] }[];
    const share = series.find((x) => x.legend === 'Andel');
    const target = series.find((x) => x.legend === 'Mål');
    expect(share?.values).toHaveLength(12);
    expect(share?.values.at(-1)).toEqual({ x: '15', y: 44 });
    // The target line comes first and has every week, so the x axis runs 4 … 15 in order.
    expect(series[0]).toBe(target);
    expect(target?.values.map((p) => p.x)).toEqual(['4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']);
    expect(target?.values.every((p) => p.y === 40)).toBe(true);
    const fallback = chart.fallback as { type: string; rows: unknown[] };
    expect(fallback.type).toBe('Table');
    expect(fallback.rows).toHaveLength(13);
  });

  it('has results, flow and quality, a line of good news and "Hvad betyder tallet?" behind every figure', () => {
    const card = render(view());
    const text = cardText(card);
    for (const section of ['Resultater', 'Flow', 'Kvalitet']) expect(text).toContain(section);
    expect(text).toContain('🎉 8 borgere har flere ordinære timer end ved forløbets start.');
    const toggles: string[] = [];
    const hiddenIds: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.ToggleVisibility') toggles.push(...(o.targetElements as string[]));
      if (o.isVisible === false && typeof o.id === 'string') hiddenIds.push(o.id);
      Object.values(o).forEach(walk);
    };
    walk(card.body);
    const blocks = [
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'M6',
      'M9',
      'M10',
      'M11',
      'M12',
      'M14',
      'M15',
      'M16',
      'M18',
      'M19',
      'M21',
      'M22',
    ];
    expect(hiddenIds.sort()).toEqual(blocks.map((b) => `what-${b}`).sort());
    expect(new Set(toggles)).toEqual(new Set(hiddenIds));
    expect(text).toContain('Målet er mindst 40 % (Flere skal med)');
  });

  it('prints suppressed figures as "< 5" and "–", never the small number', () => {
    const card = render(view());
    // Aftercare 3 visits; HKO: 2 open applications.
    expect(find(card, 'Efterværnsbesøg')).toBe('< 5');
    expect(find(card, 'Åbne ansøgninger')).toBe('< 5');
    // 11 of 15 agreements complete: the complement (4) is small, so share and count are hidden.
    expect(find(card, 'Fuldstændige arbejdsaftaler')).toBe('– | – af 15');
    // Overdue 7, soon 9, fine 32 of 48: all shown.
    expect(find(card, 'Borgere med overskredet opfølgning')).toBe('15 % | 7 af 48');
    expect(find(card, 'Opfølgning snart')).toBe('9');
    // Staff counts of 1 are hidden; the middle of the band too, so the total gives nothing away.
    expect(find(card, 'Jobformidlere med over 40 sager')).toBe('< 5');
  });

  it('shows a small team mostly hidden: no trend line, no figure below 5, and a thank-you instead of a count', () => {
    const tiny = aggregates({
      m1: { share: sh(2, 4), point: sh(1, 3), mature: sh(1, 2) },
      m5: { improved: sh(3, 4), delta: st(4, 2), weekly: [{ isoWeek: '2025-W14', hours: 60, cases: 3 }] },
      m6: { sustained: sh(1, 4), ever3m: sh(2, 4) },
      m12: { lastWeek: 2, last4Weeks: 4 },
      m14: { outreachVisits: 1, jobOpenings: 0, placementsStarted: 2, jobPlacements: 1, aftercare: 0 },
    });
    const card = render(
      view(
        tiny,
        weeks(tiny, () => sh(1, 4)),
      ),
    );
    const text = cardText(card);
    expect(card.body.some((e) => e.type === 'Chart.Line')).toBe(false);
    expect(text).toContain('Udviklingen vises, når der er tal nok.');
    expect(text).toContain('Tak for ugens indsats');
    expect(text).toContain('Ingen sammenligning med sidste uge');
    expect(JSON.stringify(card.body)).toContain('"text":"–","wrap":true,"size":"ExtraLarge"');
    expect(find(card, 'Ordinære timer i alt i sidste uge')).toBe('–');
    expect(find(card, 'Gennemførte jobsamtaler i sidste uge')).toBe('< 5');
    expect(find(card, 'Gennemførte jobsamtaler de seneste 4 uger')).toBe('< 5');
    expect(find(card, 'Virksomhedsforløb startet')).toBe('< 5');
    expect(find(card, 'Heraf job eller ordinære timer')).toBe('< 5');
  });

  it('speaks English when the subscription says so', () => {
    const text = cardText(render(view(), 'en'));
    expect(text).toContain('Weekly digest · week 15');
    expect(text).toContain('Target: 40% · 23 of 52 · ▼ 6 percentage points since last week');
    expect(text).toContain('What does the figure mean?');
    expect(text).not.toMatch(/Ugerapport|Resultater/);
  });

  it('says when the share is unchanged or up', () => {
    const same = cardText(
      render(
        view(
          aggregates(),
          weeks(aggregates(), () => sh(22, 50)),
        ),
      ),
    );
    expect(same).toContain('Uændret siden sidste uge');
    const up = cardText(
      render(
        view(
          aggregates(),
          weeks(aggregates(), () => sh(20, 50)),
        ),
      ),
    );
    expect(up).toContain('▲ 4 procentpoint siden sidste uge');
  });

  it('adds workload per jobformidler only to the private preview, and stays under 28 KB with many colleagues', () => {
    const channel = cardText(render(view()));
    expect(channel).not.toContain('arbejdsbyrde');
    const workload = Array.from({ length: 35 }, (_, i) => ({
      name: `Jobformidler med et langt navn ${i}`,
      caseload: 30 + i,
      overdue: i % 4,
      jobConversationsLastWeek: 5,
    }));
    const preview = cardText(render(view(), 'da', workload));
    expect(preview).toContain('Kun til dig: arbejdsbyrde pr. jobformidler');
    expect(preview).toContain('Jobformidler med et langt navn 0');
    expect(preview).toContain('30 sager · 0 overskredet · 5 jobsamtaler i sidste uge');
    expect(preview).toContain('… og 15 flere');
  });
});
