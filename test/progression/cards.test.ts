import { inflateSync } from 'node:zlib';
import { validateCard } from '../../cards/validate';
import { adaptiveCard } from '../../cards/common/elements';
import { ordinaryHoursChart } from '../../cards/common/hours-chart';
import { comparisonChart } from '../../cards/progression/comparison-chart';
import { citizenCard } from '../../cards/progression/citizen-card';
import { progressionOverviewCard, type ProgressionCardInput } from '../../cards/progression/overview-card';
import { indicatorPageCard, summaryCard } from '../../cards/progression/scoring-cards';
import { importResultCard } from '../../cards/progression/indicator-sets-card';
import { IndicatorSetSchema, type IndicatorSet } from '../../bot/domain/indicator-set';
import type { JsonObject } from '../../cards/types';

/** Reads a data: URI PNG back: size, and that its pixel data inflates to exactly width × height. */
function decodePng(uri: string): { width: number; height: number } {
  const png = Buffer.from(uri.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  let offset = 8;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe((width + 1) * height);
  return { width, height };
}

const weeks = Array.from({ length: 52 }, (_, i) => ({
  isoWeek: `2025-W${String((i % 52) + 1).padStart(2, '0')}`,
  ordinaryHours: Math.min(37, i * 0.8),
}));

describe('pictures and their fallbacks', () => {
  it('gives the grouped bar chart a PNG fallback that passes the card validator', () => {
    const chart = comparisonChart({
      title: 'Før og nu',
      labels: ['Jobmål', 'Tro på job', 'Hverdag'],
      series: [
        { legend: 'Før', values: [3, 4, 5] },
        { legend: 'Nu', values: [5, 6, 5] },
      ],
      max: 10,
      yAxisTitle: 'Score',
      altText: 'Søjlediagram',
    });
    expect(validateCard(adaptiveCard([chart])).errors).toEqual([]);
    const fallback = chart.fallback as JsonObject;
    // What a client without native charts renders instead must itself be a valid card element.
    expect(validateCard(adaptiveCard([fallback])).errors).toEqual([]);
    expect(fallback.altText).toBe('Søjlediagram');
    expect(decodePng(String(fallback.url))).toEqual({ width: 460, height: 200 });
  });

  it('draws the last 26 weeks of ordinary hours with the target line, and a PNG fallback', () => {
    const chart = ordinaryHoursChart({
      weeks,
      target: 30,
      title: 'Ordinære timer',
      seriesLegend: 'Timer',
      targetLegend: 'Mål: 30 timer',
      altText: 'Kurve',
      xAxisTitle: 'Uge',
    });
    expect(chart).toBeDefined();
    const data = chart?.data as { legend: string; values: { x: string; y: number }[] }[];
    expect(data[0]?.values).toHaveLength(26);
    expect(data[0]?.values[0]?.x).toBe('27');
    expect(data[1]?.values.every((v) => v.y === 30)).toBe(true);
    expect(validateCard(adaptiveCard([chart as JsonObject])).errors).toEqual([]);
    expect(validateCard(adaptiveCard([chart?.fallback as JsonObject])).errors).toEqual([]);
    decodePng(String((chart?.fallback as JsonObject).url));
    expect(
      ordinaryHoursChart({
        ...{ weeks: [] },
        target: 30,
        title: '',
        seriesLegend: '',
        targetLegend: '',
        altText: '',
        xAxisTitle: '',
      }),
    ).toBeUndefined();
  });

  it('rejects a chart typo even with a fallback (the validator is not blind to charts)', () => {
    const chart = {
      ...comparisonChart({
        title: 't',
        labels: ['a'],
        series: [{ legend: 'x', values: [1] }],
        max: 5,
        yAxisTitle: 'y',
        altText: 'a',
      }),
    };
    expect(validateCard(adaptiveCard([{ ...chart, type: 'Chart.VerticalBar.Grouped' }])).errors).toEqual([]);
    expect(validateCard(adaptiveCard([{ ...chart, type: 'Chart.VerticalBar.Gruoped' }])).errors.length).toBeGreaterThan(
      0,
    );
  });
});

describe('the largest cards a set allows stay under the 28 KB limit', () => {
  const long = (n: number, c = 'æ') => c.repeat(n);
  const bigSet: IndicatorSet = IndicatorSetSchema.parse({
    format: 'fremdrift-indicator-set',
    setId: 'stor',
    version: 1,
    name: { da: long(100), en: long(100, 'e') },
    targetGroup: { name: { da: long(100) }, visitationGroups: ['G1_INTERVENTION'] },
    status: 'ACTIVE',
    scale: '1-10',
    indicators: Array.from({ length: 12 }, (_, i) => ({
      indicatorId: `indikator-${i}`,
      name: { da: long(80), en: long(80, 'e') },
      shortName: { da: long(20), en: long(20, 'e') },
      description: { da: long(500), en: long(500, 'e') },
      citizenText: { da: long(120), en: long(120, 'e') },
      higherIsBetter: i % 2 === 0,
      anchors: Array.from({ length: 10 }, (_, l) => ({ from: l + 1, to: l + 1, text: { da: long(240) } })),
    })),
  });
  const scores = bigSet.indicators.map((i, n) => ({
    indicatorId: i.indicatorId,
    value: (n % 10) + 1,
    note: long(500),
  }));
  const measurement = {
    measuredAt: '2025-04-12',
    context: 'ROUTINE_3M' as const,
    participants: ['CITIZEN', 'JOBFORMIDLER', 'EMPLOYER'] as const,
    agreedWithCitizen: true,
    scores,
    meanScore: 5.5,
    cursor: 12,
  };
  const input: ProgressionCardInput = {
    locale: 'da',
    caseRef: 'FR-STOR-0001',
    latest: measurement,
    latestSet: bigSet,
    baseline: { ...measurement, measuredAt: '2025-01-10', context: 'BASELINE' },
    comparison: {
      rows: scores.map((s) => ({ indicatorId: s.indicatorId, before: 1, after: s.value, improvement: s.value - 1 })),
      meanBefore: 1,
      meanAfter: 5.5,
    },
    otherVersions: true,
    draft: { doc: measurement, set: bigSet },
    due: { state: 'due', daysLate: 3 },
    nextDue: '2025-04-09',
    weeks,
    hoursTarget: 30,
    notice: 'Målingen er gemt.',
  };

  it.each([
    ['overview', () => progressionOverviewCard(input)],
    ['citizen', () => citizenCard(input)],
    [
      'indicator page',
      () =>
        indicatorPageCard({
          locale: 'da',
          caseRef: 'FR-1',
          measurementId: 'm',
          set: bigSet,
          page: 11,
          scores,
          previous: { measuredAt: '2025-01-10', scores },
          error: 'x',
        }),
    ],
    [
      'summary',
      () =>
        summaryCard({
          locale: 'da',
          caseRef: 'FR-1',
          measurementId: 'm',
          set: bigSet,
          scores,
          agreedWithCitizen: true,
          error: 'x',
        }),
    ],
    [
      'import errors',
      () =>
        importResultCard('da', {
          kind: 'invalid',
          problems: Array.from({ length: 25 }, () => ({ path: long(120, 'p'), message: long(200) })),
          more: 40,
        }),
    ],
  ])('%s card', (_name, build) => {
    const { errors, sizeBytes } = validateCard(build());
    expect(errors).toEqual([]);
    expect(sizeBytes).toBeLessThan(28 * 1024);
  });
});
