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

  it('counts a group 2 or 3 case in the team of its owner or screener when it has no jobformidler (issue 15 item 9)', async () => {
    const TEAM_TENANT = '33333333-3333-4333-8333-333333333333';
    const cases = h.services.store.containers.cases;
    const g2 = { group: 'G2_REHABILITATION' as const, conversationAt: '2025-03-01', effectiveFrom: '2025-03-01' };
    const g3 = { group: 'G3_NOT_EMPLOYMENT_READY' as const, conversationAt: '2025-03-01', effectiveFrom: '2025-03-01' };
    await cases.items.upsert(
      facts({ caseRef: 'T-G1', assignedJobformidlerId: 'j1', screenerId: 's-other' }, TEAM_TENANT),
    );
    // A group 1 case of another team's jobformidler stays theirs, even if screened by a team member.
    await cases.items.upsert(
      facts({ caseRef: 'T-G1-OTHER', assignedJobformidlerId: 'j9', screenerId: 's1' }, TEAM_TENANT),
    );
    await cases.items.upsert(
      facts({ caseRef: 'T-G2', caseworkerId: 'm1', screenerId: 's-other', visitations: [g2] }, TEAM_TENANT),
    );
    await cases.items.upsert(facts({ caseRef: 'T-G3', screenerId: 's1', visitations: [g3] }, TEAM_TENANT));
    await cases.items.upsert(facts({ caseRef: 'T-G2-OTHER', caseworkerId: 'm9', visitations: [g2] }, TEAM_TENANT));
    const stats: ReadStats = { read: 0, skipped: 0 };
    const team = ['j1', 'm1', 's1'];
    const r = await readAll(caseFactsPages(h.services.store, TEAM_TENANT, { jobformidlerIds: team }, stats));
    expect(r.items.map((f) => f.caseRef).sort()).toEqual(['T-G1', 'T-G2', 'T-G3']);
  });
});
