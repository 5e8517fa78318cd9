import { ManualClock } from '../../bot/domain/clock';
import { previewsSettled } from '../../bot/features/digest/preview';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, TEST_TENANT, assertCardValid } from '../harness/bot-harness';
import { seed } from './digest-seed';
import { PLAN_2025, followThrough } from './follow-through-fixtures';

/**
 * Issue 15 "Done when": the digest shows M7, M8, M13, M17, M20 and M23 on a seeded data set with
 * values equal to hand-computed expectations. Five copies of the fixtures (follow-through-fixtures.ts)
 * in the embedded store, the leader asks for the digest in the 1:1 chat, and the card is read back:
 *
 * M7  5 of 35 (per copy D = A1 A2 A4 E1 E2 E3 E4, N = A1)             → 14 %
 * M8  10 of 35 (per copy D = B1 B2 B3 B5 B6 D4 D6, N = B1 B2)          → 29 %
 * M13 10 last week, 15 in 4 weeks
 * M17 G1 15, G2 30, G3 5 = 50 against a plan to date of 96 + 19.2 + 9.47 = 124.67 → 40 %, "50 af 125"
 * M20 15 of 20 (per copy D = A2 E1 E2 E3, N = A2 E1 E3)                → 75 %
 * M23 10 of 15 → 67 %; 10 schemes granted in 12 months
 */
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

describe('the digest shows every citizen’s follow-through (M7, M8, M13, M17, M20, M23)', () => {
  const clock = new ManualClock(new Date('2025-04-07T07:00:00Z')); // Monday 09:00 in Copenhagen
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    await seed(h, followThrough(5, TEST_TENANT));
    await h.services.directory.saveSettings(
      TEST_TENANT,
      { ...defaultTenantSettings(), visitationPlan: PLAN_2025 },
      'test',
      clock.now(),
    );
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('has the hand-computed values in the leader’s digest', async () => {
    const lea = await h.userWithRoles('Lea Leder', ['leder']);
    await h.install(lea);
    const since = h.connector.calls.length;
    await h.say(lea, 'vis ugerapport');
    await previewsSettled();
    const sent = h.connector.sentSince(since).flatMap((c) => {
      const attachments = (c.body.attachments ?? []) as { content?: AdaptiveCard }[];
      return attachments.flatMap((a) => (a.content !== undefined ? [a.content] : []));
    });
    const card = sent.find((c) => JSON.stringify(c).includes('Ugerapport'));
    expect(card).toBeDefined();
    assertCardValid(card!);
    const f = figures(card!);
    const value = (labelPart: string): string | undefined => [...f].find(([label]) => label.includes(labelPart))?.[1];
    expect(value('Afsluttet i job og selvforsørgende')).toBe('14 % | 5 af 35');
    expect(value('Borgere i gruppe 2 med indstilling')).toBe('29 % | 10 af 35');
    expect(value('Ad hoc-henvendelser i sidste uge')).toBe('10');
    expect(value('Ad hoc-henvendelser de seneste 4 uger')).toBe('15');
    expect(value('af plantallet til dato')).toBe('40 % | 50 af 125');
    expect(value('Gruppe 1 (plan til dato: 96)')).toBe('15');
    expect(value('Gruppe 2 (plan til dato: 19)')).toBe('30');
    expect(value('Gruppe 3 (plan til dato: 9)')).toBe('5');
    expect(value('med samme jobformidler hele vejen')).toBe('75 % | 15 af 20');
    expect(value('Kompenserende ordninger overvejet')).toBe('67 % | 10 af 15');
    expect(value('Bevilgede ordninger de seneste 12 måneder')).toBe('10');
  });
});
