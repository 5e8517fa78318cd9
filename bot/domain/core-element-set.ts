import { z } from 'zod';
import type { Locale } from '../i18n/locale';

/**
 * A programme's core elements ("kerneelementer") as versioned data, for fidelity rounds (issue 16
 * A.1, domain-research §2.1 and §2.10). Numbering differs per programme and per round (Flere skal med
 * has six, Et mere rummeligt arbejdsmarked round II five), so a set is data an admin imports as JSON,
 * never code. A version used in a round is never changed; a change makes a new version.
 *
 * The scale is the one the Flere skal med evaluation used (seed 001): "skalabaseret fra 1-5, hvor 1
 * f.eks. angiver ”slet ikke” mens 5 angiver ”I meget høj grad”" and "1 = laveste grad af fidelitet,
 * 5 = højeste grad af fidelitet". Every item says what 1, 3 and 5 look like in practice, so two
 * colleagues mean the same by a 3.
 */
export const CORE_ELEMENT_SET_FORMAT = 'fremdrift-core-elements';

export const FIDELITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type FidelityLevel = (typeof FIDELITY_LEVELS)[number];

/**
 * What an element is about in daily work, so the digest can put the indicators computed from that
 * work beside the team's own assessment (bot/features/fidelity/practice-indicators.ts). Short ids
 * from domain-research §2.1; an imported set may use them or leave them out.
 */
export const PRACTICE_AREAS = [
  'OWN_JOB_GOAL',
  'PERSONAL_JOB_BROKER',
  'INDIVIDUAL_MATCH',
  'CLEAR_AGREEMENT',
  'RESOURCE_FOCUS',
  'FOLLOW_UP_PROGRESSION',
  'SCREENING',
  'CV_AND_PLAN',
  'FAST_TRACK',
  'COMPANY_MATCH',
] as const;
export const PracticeAreaSchema = z.enum(PRACTICE_AREAS);
export type PracticeArea = z.infer<typeof PracticeAreaSchema>;

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const slug = z.string().regex(SLUG, { message: 'problem.slug' });
const text = (max: number) => z.string().trim().min(1).max(max);
/** Danish first; English falls back to Danish when absent. */
const localText = (max: number) => z.strictObject({ da: text(max), en: text(max).optional() });
/** Shown in both languages' cards and charts, so both are required. */
const bilingual = (max: number) => z.strictObject({ da: text(max), en: text(max) });

export const ItemSchema = z.strictObject({
  itemId: slug,
  /** The question, answered on the 1–5 scale ("I hvilken grad …"). */
  text: localText(240),
  /** What level 1, 3 and 5 look like in practice; 2 and 4 lie between. */
  anchors: z.strictObject({
    '1': localText(160),
    '2': localText(160).optional(),
    '3': localText(160),
    '4': localText(160).optional(),
    '5': localText(160),
  }),
});
export type CoreElementItem = z.infer<typeof ItemSchema>;

export const CoreElementSchema = z.strictObject({
  elementId: slug,
  /** The programme's own number ("KE1"). */
  number: z.number().int().min(1).max(20),
  name: bilingual(160),
  /** Chart label (≤ 24 characters). */
  shortName: bilingual(24),
  description: localText(500).optional(),
  practice: PracticeAreaSchema.optional(),
  items: z.array(ItemSchema).min(1).max(6),
});
export type CoreElement = z.infer<typeof CoreElementSchema>;

const SetShape = z.strictObject({
  format: z.literal(CORE_ELEMENT_SET_FORMAT),
  setId: slug,
  version: z.number().int().min(1).max(999),
  programme: bilingual(100),
  name: bilingual(120),
  description: localText(1000).optional(),
  /** Where the elements come from (evaluation, guide), in words. */
  source: localText(300).optional(),
  status: z.enum(['ACTIVE', 'RETIRED']),
  elements: z.array(CoreElementSchema).min(1).max(12),
});

/** Checks across the set: unique element ids and numbers, unique item ids within an element. */
export const CoreElementSetSchema = SetShape.superRefine((set, ctx) => {
  const ids = new Set<string>();
  const numbers = new Set<number>();
  set.elements.forEach((element, e) => {
    if (ids.has(element.elementId))
      ctx.addIssue({
        code: 'custom',
        path: ['elements', e, 'elementId'],
        message: 'fidelity.problem.duplicate_element',
        params: { id: element.elementId },
      });
    ids.add(element.elementId);
    if (numbers.has(element.number))
      ctx.addIssue({
        code: 'custom',
        path: ['elements', e, 'number'],
        message: 'fidelity.problem.duplicate_number',
        params: { number: element.number },
      });
    numbers.add(element.number);
    const items = new Set<string>();
    element.items.forEach((item, i) => {
      if (items.has(item.itemId))
        ctx.addIssue({
          code: 'custom',
          path: ['elements', e, 'items', i, 'itemId'],
          message: 'fidelity.problem.duplicate_item',
          params: { id: item.itemId },
        });
      items.add(item.itemId);
    });
  });
});
export type CoreElementSet = z.infer<typeof CoreElementSetSchema>;

export const coreSetKey = (set: { setId: string; version: number }): string => `${set.setId}@${set.version}`;

export function parseCoreSetKey(key: string): { setId: string; version: number } | undefined {
  const m = /^([a-z0-9][a-z0-9-]{1,62})@(\d{1,3})$/.exec(key);
  return m?.[1] && m[2] ? { setId: m[1], version: Number(m[2]) } : undefined;
}

export const localizedText = (value: { da: string; en?: string | undefined }, locale: Locale): string =>
  locale === 'en' ? (value.en ?? value.da) : value.da;

/** "KE3 Individuelt match": the programmes' own abbreviation (kerneelement), kept in English too. */
export const elementLabel = (element: Pick<CoreElement, 'number' | 'shortName'>, locale: Locale): string =>
  `KE${element.number} ${element.shortName[locale]}`;
