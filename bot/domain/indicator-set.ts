import { z } from 'zod';
import { VisitationGroupSchema } from './case';
import type { Locale } from '../i18n/locale';

/**
 * A progression indicator set ("indikatorsæt") as versioned data (domain-research §3.1, §5.3): one
 * set per target group ("indgang"), built from a local theory of change and expected to change
 * while piloting (seed 003) — so sets are data an admin imports as JSON, never code. A version
 * that has been used in a measurement is never changed; changes make a new version.
 *
 * Messages of custom checks are keys of the import-problem catalogue (import-problems.ts), so every
 * refusal can be explained to the admin in Danish or English with the path of the bad value.
 */

export const INDICATOR_SET_FORMAT = 'fremdrift-indicator-set';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const slug = z.string().regex(SLUG, { message: 'problem.slug' });

const text = (max: number) => z.string().trim().min(1).max(max);

/** Danish first; English falls back to Danish when absent. */
const localText = (max: number) => z.strictObject({ da: text(max), en: text(max).optional() });
/** Names are shown in both languages' cards and charts, so both are required. */
const bilingualName = (max: number) => z.strictObject({ da: text(max), en: text(max) });

export const SCALES = ['1-5', '1-10'] as const;
export const ScaleSchema = z.enum(SCALES);
export type Scale = z.infer<typeof ScaleSchema>;

export const AnchorSchema = z.strictObject({
  /** First and last level the text describes: one level on 1–5, a band of levels allowed on 1–10. */
  from: z.number().int().min(1).max(10),
  to: z.number().int().min(1).max(10),
  text: localText(240),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const IndicatorSchema = z.strictObject({
  indicatorId: slug,
  name: bilingualName(80),
  /** Axis label in charts; the name is used when absent. */
  shortName: bilingualName(20).optional(),
  description: localText(500),
  /** The indicator in plain words for the citizen's version of the card ("borgerudgave"). */
  citizenText: localText(120).optional(),
  higherIsBetter: z.boolean(),
  anchors: z.array(AnchorSchema).min(2).max(10),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const IndicatorSetShape = z.strictObject({
  format: z.literal(INDICATOR_SET_FORMAT),
  setId: slug,
  version: z.number().int().min(1).max(999),
  name: bilingualName(100),
  /** The "indgang": the target group the set was built for, and the visitation groups it applies to. */
  targetGroup: z.strictObject({
    name: localText(100),
    visitationGroups: z.array(VisitationGroupSchema).min(1).max(4),
  }),
  description: localText(1000).optional(),
  /** Link to the theory of change (programteori) the indicators come from. */
  theoryOfChangeRef: z
    .url({ protocol: /^https$/, message: 'problem.https_url' })
    .max(500)
    .optional(),
  status: z.enum(['ACTIVE', 'RETIRED']),
  scale: ScaleSchema,
  indicators: z.array(IndicatorSchema).min(1).max(12),
});

export const scaleMax = (scale: Scale): number => (scale === '1-5' ? 5 : 10);

/** Checks that need the whole set: unique ids, and anchors that cover the scale exactly once. */
export const IndicatorSetSchema = IndicatorSetShape.superRefine((set, ctx) => {
  const max = scaleMax(set.scale);
  const seen = new Set<string>();
  set.indicators.forEach((indicator, i) => {
    if (seen.has(indicator.indicatorId))
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', i, 'indicatorId'],
        message: 'problem.duplicate_indicator',
        params: { id: indicator.indicatorId },
      });
    seen.add(indicator.indicatorId);
    let expected = 1;
    for (const [a, anchor] of indicator.anchors.entries()) {
      const at = ['indicators', i, 'anchors', a];
      if (anchor.from > anchor.to) {
        ctx.addIssue({ code: 'custom', path: [...at, 'to'], message: 'problem.anchor_reversed', params: anchor });
        return;
      }
      if (anchor.to > max) {
        ctx.addIssue({ code: 'custom', path: [...at, 'to'], message: 'problem.anchor_beyond_scale', params: { max } });
        return;
      }
      if (set.scale === '1-5' && anchor.from !== anchor.to) {
        ctx.addIssue({ code: 'custom', path: at, message: 'problem.anchor_band_on_5', params: anchor });
        return;
      }
      if (anchor.from !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'from'],
          message: anchor.from > expected ? 'problem.anchor_gap' : 'problem.anchor_overlap',
          params: { expected, from: anchor.from },
        });
        return;
      }
      expected = anchor.to + 1;
    }
    if (expected <= max)
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', i, 'anchors'],
        message: 'problem.anchor_missing_top',
        params: { from: expected, max },
      });
  });
});
export type IndicatorSet = z.infer<typeof IndicatorSetSchema>;

/** `setId@version`: how a set version is named in card data and documents. */
export const setKey = (set: { setId: string; version: number }): string => `${set.setId}@${set.version}`;

export function parseSetKey(key: string): { setId: string; version: number } | undefined {
  const m = /^([a-z0-9][a-z0-9-]{1,62})@(\d{1,3})$/.exec(key);
  return m?.[1] && m[2] ? { setId: m[1], version: Number(m[2]) } : undefined;
}

export const localized = (value: { da: string; en?: string | undefined }, locale: Locale): string =>
  locale === 'en' ? (value.en ?? value.da) : value.da;

export const levelsOf = (set: Pick<IndicatorSet, 'scale'>): number[] =>
  Array.from({ length: scaleMax(set.scale) }, (_, i) => i + 1);

/** The anchor that describes `level` (sets are validated to cover every level once). */
export const anchorFor = (indicator: Indicator, level: number): Anchor | undefined =>
  indicator.anchors.find((a) => a.from <= level && level <= a.to);

export const shortNameOf = (indicator: Indicator, locale: Locale): string =>
  indicator.shortName ? indicator.shortName[locale] : indicator.name[locale];

/**
 * The score counted towards "better": on an indicator where lower is better, the scale is turned
 * around, so a mean over indicators and its increase always mean improvement.
 */
export const orientedScore = (indicator: Pick<Indicator, 'higherIsBetter'>, value: number, scale: Scale): number =>
  indicator.higherIsBetter ? value : scaleMax(scale) + 1 - value;
