import { digestWeekFor } from '../../bot/features/digest/calendar';
import { computeDigest } from '../../bot/features/digest/compute-digest';
import { DigestRunRepository, snapshotIdFor } from '../../bot/store/digest-run-repository';
import { BotHarness, TEST_TENANT } from '../harness/bot-harness';
import { municipality, seed } from './digest-seed';

/** Weekly snapshots in `runs`: the trend is read from them, so it survives the cases behind it. */
describe('digest snapshots', () => {
  let h: BotHarness;
  const spec = { scope: 'municipality' as const, scopeKey: 'municipality' };
  beforeAll(async () => {
    h = await BotHarness.start();
    await seed(h, municipality(TEST_TENANT));
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('takes earlier weeks from their stored snapshot, recomputing only weeks without one', async () => {
    const runs = new DigestRunRepository(h.services.store);
    const week14 = await computeDigest(h.services, TEST_TENANT, spec, digestWeekFor('2025-W14'));
    // As it was stored that week (then 12 of 20, say, before cases were closed and purged).
    await runs.saveSnapshot(
      TEST_TENANT,
      'municipality',
      {
        ...week14.computation.aggregates,
        m1: { ...week14.computation.aggregates.m1, share: { numerator: 12, denominator: 20 } },
      },
      new Date('2025-03-31T06:00:00Z'),
    );
    const r = await computeDigest(h.services, TEST_TENANT, spec, digestWeekFor('2025-W15'));
    expect(r.trend.map((p) => p.isoWeek)).toEqual([
      '2025-W04',
      '2025-W05',
      '2025-W06',
      '2025-W07',
      '2025-W08',
      '2025-W09',
      '2025-W10',
      '2025-W11',
      '2025-W12',
      '2025-W13',
      '2025-W14',
      '2025-W15',
    ]);
    expect(r.trend[10]?.share).toEqual({ numerator: 12, denominator: 20 });
    expect(r.trend[9]?.share).toEqual({ numerator: 10, denominator: 16 });
    expect(r.trend[11]?.share).toEqual({ numerator: 10, denominator: 16 });
  });

  it('recomputes a week whose snapshot cannot be read instead of failing the digest', async () => {
    await h.services.store.containers.runs.items.upsert({
      id: snapshotIdFor('municipality', '2025-W13'),
      tenantId: TEST_TENANT,
      type: 'digest_snapshot',
      schemaVersion: 1,
      aggregates: { broken: true },
    });
    const r = await computeDigest(h.services, TEST_TENANT, spec, digestWeekFor('2025-W15'));
    expect(r.trend[9]?.share).toEqual({ numerator: 10, denominator: 16 });
  });
});
