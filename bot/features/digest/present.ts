import { cellValue, countCell, shareCells, sumCell, suppressPartition, type Cell } from '../../domain/suppression';
import type { DigestAggregates, TrendPoint } from './metrics/digest-metrics';
import { pickGoodNews } from './good-news';
import type { DigestView } from './view-rules';
import {
  atLeast,
  atMost,
  countFigure,
  m17Figures,
  pct,
  shareFigure,
  statFigure,
  statusOf,
  type Figure,
  type MetricBlock,
} from './figure-rules';

export interface PresentInput {
  readonly aggregates: DigestAggregates;
  /** Twelve weeks of M1, oldest first, the last being this week. */
  readonly trend: readonly TrendPoint[];
  readonly k: number;
  readonly target: number;
  readonly caseloadBand: readonly [number, number];
  /** M15's band for the share of company-directed contacts (default 0.3–0.5). */
  readonly companyContactShareBand?: readonly [number, number];
}

/**
 * Turns a week's raw aggregates into what a channel may see: every number passes through the
 * suppression rules here, so the card builder only ever receives cells that are safe to print.
 * Staff-level numbers are not part of this view at all (see workload in the leader preview).
 */
export function presentDigest(input: PresentInput): DigestView {
  const { aggregates: a, k, target } = input;
  const [low, high] = input.caseloadBand;

  const m1 = shareFigure('M1', a.m1.share, k, (v) =>
    v >= target ? 'good' : v >= target - 0.05 ? 'warning' : 'attention',
  );
  const trend = input.trend.map((p) => ({ isoWeek: p.isoWeek, percent: shareCells(p.share, k).share }));
  const previous =
    trend.length >= 2 ? pct(trend[trend.length - 2]?.percent ?? { shown: false, reason: 'too_few' }) : undefined;
  const current = pct(m1.value);
  const changePoints: Cell =
    previous !== undefined && current !== undefined
      ? { shown: true, value: current - previous }
      : { shown: false, reason: 'too_few' };

  // M10: overdue, soon and fine partition the active group 1 cases.
  const followUp = suppressPartition(
    a.m10.activeG1,
    [a.m10.overdue, a.m10.soon, a.m10.activeG1 - a.m10.overdue - a.m10.soon],
    k,
  );
  const overdueShare: Cell =
    followUp.total.shown && followUp.parts[0]?.shown
      ? { shown: true, value: a.m10.overdue / a.m10.activeG1 }
      : { shown: false, reason: 'complementary' };
  // M11: jobformidlere above, within and below the band (staff counts, team level only).
  const band = suppressPartition(a.m11.jobformidlere, [a.m11.above, a.m11.within, a.m11.below], k);
  // M12 and M14: a part of a shown total is protected like any other cell.
  const talks = suppressPartition(a.m12.last4Weeks, [a.m12.lastWeek, a.m12.last4Weeks - a.m12.lastWeek], k);
  const started = suppressPartition(
    a.m14.placementsStarted,
    [a.m14.jobPlacements, a.m14.placementsStarted - a.m14.jobPlacements],
    k,
  );
  // M14's trend: the four weeks before, suppressed like the current ones.
  const before = a.m14.previous;
  const startedBefore =
    before !== undefined
      ? suppressPartition(
          before.placementsStarted,
          [before.jobPlacements, before.placementsStarted - before.jobPlacements],
          k,
        )
      : undefined;
  const withPrevious = (f: Figure, previous: Cell | undefined): Figure =>
    previous !== undefined ? { ...f, previous } : f;
  const matches = a.m14.matches ?? { proposed: 0, accepted: 0, placed: 0 };
  const [bandLow, bandHigh] = input.companyContactShareBand ?? [0.3, 0.5];
  const m15 = a.m15 ?? { companyFacing: 0, all: 0 };
  const impact = shareFigure('M16_IMPACT', { numerator: a.m16.withImpact, denominator: a.m16.screenings }, k);
  const impactHidden = !(impact.count?.shown ?? false);

  const results: MetricBlock[] = [
    {
      id: 'M2',
      figures: [
        shareFigure('M2', a.m2.share, k),
        statFigure('M2_HOURS', a.m2.hoursAtStart, k, 'hours', undefined, 'mean'),
      ],
    },
    {
      id: 'M3',
      figures: [
        shareFigure('M3', a.m3.share, k, atLeast(0.9)),
        ...(a.m3.mostMissing && countCell(a.m3.mostMissing.count, k).shown
          ? [{ ...countFigure('M3_MISSING', countCell(a.m3.mostMissing.count, k)), item: a.m3.mostMissing.item }]
          : []),
      ],
    },
    { id: 'M4', figures: [shareFigure('M4', a.m4.share, k)] },
    {
      id: 'M5',
      figures: [
        shareFigure('M5', a.m5.improved, k),
        statFigure('M5_DELTA', a.m5.delta, k, 'hours'),
        {
          id: 'M5_WEEK_HOURS',
          value: sumCell(a.m5.weekly.at(-1)?.hours ?? 0, a.m5.weekly.at(-1)?.cases ?? 0, k),
          format: 'hours',
        },
      ],
    },
    { id: 'M6', figures: [shareFigure('M6', a.m6.sustained, k), shareFigure('M6_EVER', a.m6.ever3m, k)] },
  ];

  const flow: MetricBlock[] = [
    {
      id: 'M9',
      figures: [
        statFigure('M9', a.m9.days, k, 'days', atMost(14, 28)),
        shareFigure('M9_WITHIN', a.m9.within14, k),
        countFigure('M9_WAITING', countCell(a.m9.waiting, k)),
      ],
    },
    {
      id: 'M10',
      figures: [
        {
          id: 'M10',
          value: overdueShare,
          format: 'percent',
          count: followUp.parts[0] ?? { shown: false, reason: 'small' },
          of: followUp.total,
          ...statusOf(overdueShare, atMost(0.1, 0.2)),
        },
        countFigure('M10_SOON', followUp.parts[1] ?? { shown: false, reason: 'small' }),
      ],
    },
    {
      id: 'M11',
      figures: [
        statFigure('M11', a.m11.caseload, k, 'number', (v) =>
          v > high + 7 ? 'attention' : v > high ? 'warning' : v >= low ? 'good' : undefined,
        ),
        countFigure('M11_ABOVE', band.parts[0] ?? { shown: false, reason: 'small' }),
        countFigure('M11_BELOW', band.parts[2] ?? { shown: false, reason: 'small' }),
      ],
    },
    {
      id: 'M12',
      figures: [
        countFigure('M12', talks.parts[0] ?? { shown: false, reason: 'small' }),
        countFigure('M12_4W', talks.total),
      ],
    },
    {
      id: 'M14',
      figures: [
        withPrevious(
          countFigure('M14_VISITS', countCell(a.m14.outreachVisits, k)),
          before && countCell(before.outreachVisits, k),
        ),
        withPrevious(
          countFigure('M14_OPENINGS', countCell(a.m14.jobOpenings, k)),
          before && countCell(before.jobOpenings, k),
        ),
        withPrevious(countFigure('M14_STARTED', started.total), startedBefore?.total),
        withPrevious(
          countFigure('M14_JOBS', started.parts[0] ?? { shown: false, reason: 'small' }),
          startedBefore?.parts[0],
        ),
        withPrevious(
          countFigure('M14_AFTERCARE', countCell(a.m14.aftercare, k)),
          before && countCell(before.aftercare, k),
        ),
        countFigure('M14_MATCHES', countCell(matches.proposed, k)),
        countFigure('M14_MATCHES_TAKEN', countCell(matches.accepted, k)),
        countFigure('M14_MATCHES_PLACED', countCell(matches.placed, k)),
      ],
    },
    {
      id: 'M15',
      figures: [
        shareFigure('M15', { numerator: m15.companyFacing, denominator: m15.all }, k, (v) =>
          v >= bandLow && v <= bandHigh ? 'good' : 'warning',
        ),
      ],
    },
    {
      id: 'M16',
      figures: [
        countFigure('M16', countCell(a.m16.screenings, k)),
        impact,
        shareFigure(
          'M16_VISITED',
          { numerator: a.m16.visitedWithin14, denominator: a.m16.withImpact },
          k,
          undefined,
          impactHidden,
        ),
        shareFigure(
          'M16_STARTED',
          { numerator: a.m16.startedG1, denominator: a.m16.withImpact },
          k,
          undefined,
          impactHidden,
        ),
      ],
    },
    {
      id: 'M18',
      figures: [
        statFigure('M18', a.m18.decisionDays, k, 'days', atMost(7, 10)),
        shareFigure('M18_WITHIN', a.m18.decidedWithinTarget, k),
        statFigure('M18_DELIVERY', a.m18.deliveryDays, k, 'days'),
        countFigure('M18_OPEN', countCell(a.m18.openOver10, k)),
      ],
    },
  ];

  // Issue 15 item 7: the follow-through of every citizen (absent in snapshots stored before them).
  if (a.m7 !== undefined) results.push({ id: 'M7', figures: [shareFigure('M7', a.m7.share, k)] });
  if (a.m8 !== undefined) results.push({ id: 'M8', figures: [shareFigure('M8', a.m8.share, k)] });
  if (a.m13 !== undefined) {
    const enquiries = suppressPartition(a.m13.last4Weeks, [a.m13.lastWeek, a.m13.last4Weeks - a.m13.lastWeek], k);
    flow.splice(flow.findIndex((b) => b.id === 'M12') + 1, 0, {
      id: 'M13',
      figures: [
        countFigure('M13', enquiries.parts[0] ?? { shown: false, reason: 'small' }),
        countFigure('M13_4W', enquiries.total),
      ],
    });
  }
  if (a.m17 !== undefined)
    flow.splice(flow.findIndex((b) => b.id === 'M16') + 1, 0, { id: 'M17', figures: m17Figures(a.m17, k) });

  const quality: MetricBlock[] = [
    {
      id: 'M19',
      figures: [
        shareFigure('M19', a.m19.cv, k, atLeast(0.6)),
        shareFigure('M19_GOAL', a.m19.goal, k, atLeast(0.6)),
        shareFigure('M19_UPDATED', a.m19.goalUpdated, k),
      ],
    },
    {
      id: 'M22',
      figures: [shareFigure('M22', a.m22.coverage, k, atLeast(0.8)), shareFigure('M22_IMPROVED', a.m22.improved, k)],
    },
  ];
  if (a.m20 !== undefined) quality.push({ id: 'M20', figures: [shareFigure('M20', a.m20.share, k, atLeast(0.85))] });
  if (a.m23 !== undefined)
    quality.push({
      id: 'M23',
      figures: [shareFigure('M23', a.m23.share, k), countFigure('M23_GRANTED', countCell(a.m23.grantedLast12m, k))],
    });

  return {
    isoWeek: a.isoWeek,
    asOf: a.asOf,
    k,
    target,
    headline: {
      m1,
      changePoints,
      more: [shareFigure('M1_POINT', a.m1.point, k), shareFigure('M1_MATURE', a.m1.mature, k)],
      trend,
    },
    goodNews: pickGoodNews(a, k, cellValue(m1.value), target),
    sections: { results, flow, quality },
    progressionNotInUse: a.m22.coverage.numerator === 0 && a.m22.improved.denominator === 0,
    ...(a.m17 !== undefined && a.m17.plannedToDate === undefined ? { visitationPlanMissing: a.m17.year } : {}),
  };
}
