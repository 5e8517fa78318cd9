import { caseFactsPages, sensitiveFactsPages, type ReadStats } from '../../bot/features/digest/facts-reader';
import { BotHarness, TEST_TENANT } from '../harness/bot-harness';
import { facts, sensitive } from './facts-fixtures';

/** The digest's reader against the embedded Cosmos server: tenant-scoped, paged, zod-checked. */
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';

describe('facts reader', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
    const cases = h.services.store.containers.cases;
    for (let i = 0; i < 7; i++)
      await cases.items.upsert(facts({ caseRef: `R-${i}`, assignedJobformidlerId: i < 3 ? 'j1' : 'j2' }));
    await cases.items.upsert(facts({ caseRef: 'X-1' }, OTHER_TENANT));
    // A facts document the schema rejects (a writer bug): skipped and counted, not fatal.
    await cases.items.upsert({ ...facts({ caseRef: 'BAD' }), status: 'NOT_A_STATUS' });
    // Other documents of a case's partition are not facts.
    await cases.items.upsert({ id: `${TEST_TENANT}:case`, tenantId: TEST_TENANT, type: 'case', caseRef: 'R-0' });
    const sens = h.services.store.containers.sensitive;
    await sens.items.upsert(
      sensitive({ caseRef: 'R-0', screening: { conductedAt: '2025-03-20', outcome: 'NO_INDICATION' } }),
    );
    await sens.items.upsert(
      sensitive({ caseRef: 'R-1', screening: { conductedAt: '2024-01-01', outcome: 'NO_INDICATION' } }),
    );
    await sens.items.upsert(
      sensitive({
        caseRef: 'R-2',
        screening: { conductedAt: '2024-01-01', outcome: 'DECLINED' },
        hko: [{ type: 'A' }],
      }),
    );
    await sens.items.upsert(sensitive({ caseRef: 'X-1', hko: [{ type: 'A' }] }, OTHER_TENANT));
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function readAll<T>(pages: AsyncGenerator<T[]>): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let count = 0;
    for await (const page of pages) {
      count++;
      items.push(...page);
    }
    return { items, pages: count };
  }

  it("pages through one tenant's case facts with continuation tokens, skipping what fails validation", async () => {
    const stats: ReadStats = { read: 0, skipped: 0 };
    const r = await readAll(caseFactsPages(h.services.store, TEST_TENANT, { pageSize: 3 }, stats));
    expect(r.items.map((f) => f.caseRef).sort()).toEqual(['R-0', 'R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6']);
    expect(r.pages).toBeGreaterThanOrEqual(3);
    expect(stats).toEqual({ read: 7, skipped: 1 });
  });

  it("reads only the team's jobformidlere's cases for a team digest", async () => {
    const stats: ReadStats = { read: 0, skipped: 0 };
    const r = await readAll(caseFactsPages(h.services.store, TEST_TENANT, { jobformidlerIds: ['j1'] }, stats));
    expect(r.items.map((f) => f.caseRef).sort()).toEqual(['R-0', 'R-1', 'R-2']);
  });

  it('reads sensitive facts only where a metric can use them: a recent screening or any HKO', async () => {
    const stats: ReadStats = { read: 0, skipped: 0 };
    const r = await readAll(sensitiveFactsPages(h.services.store, TEST_TENANT, '2025-03-10', stats));
    expect(r.items.map((s) => s.caseRef).sort()).toEqual(['R-0', 'R-2']);
  });
});
