import { cellValue, countCell, shareCells, suppressPartition } from '../../domain/suppression';
import type { DigestAggregates } from './metrics/digest-metrics';
import type { Share } from '../../domain/digest-aggregates';

export interface GoodNews {
  readonly key:
    | 'hours_up'
    | 'reached_target_hours'
    | 'job_placements'
    | 'placements_started'
    | 'job_conversations'
    | 'm1_target'
    | 'thanks';
  readonly count?: number;
}

/** Something to celebrate (seed 000: "fejre succeser"), never a number that suppression would hide. */
export function pickGoodNews(a: DigestAggregates, k: number, m1: number | undefined, target: number): GoodNews {
  const shownCount = (s: Share): number | undefined => cellValue(shareCells(s, k).numerator);
  const candidates: [GoodNews['key'], number | undefined][] = [
    ['hours_up', shownCount(a.m5.improved)],
    ['reached_target_hours', shownCount(a.m6.sustained)],
    [
      'job_placements',
      cellValue(
        suppressPartition(
          a.m14.placementsStarted,
          [a.m14.jobPlacements, a.m14.placementsStarted - a.m14.jobPlacements],
          k,
        ).parts[0] ?? { shown: false, reason: 'small' },
      ),
    ],
    ['placements_started', cellValue(countCell(a.m14.placementsStarted, k))],
    ['job_conversations', cellValue(countCell(a.m12.last4Weeks, k))],
  ];
  for (const [key, count] of candidates) if (count !== undefined && count > 0) return { key, count };
  if (m1 !== undefined && m1 >= target) return { key: 'm1_target' };
  return { key: 'thanks' };
}
