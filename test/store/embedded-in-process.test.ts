import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { openStore, type Store } from '../../bot/store/cosmos-store';
import { readDoc, queryAll } from '../../bot/store/documents';
import { z } from 'zod';

/**
 * The embedded store's in-process transport (seed:demo): the SDK's requests reach the same server
 * without a socket. Each step is done over both transports and must answer alike: created, read,
 * ETag-guarded replace refused with a stale ETag, missing read, and a query paged by continuation.
 */
const Doc = z.object({ id: z.string(), caseRef: z.string(), n: z.number() });

describe('embedded store: in-process transport', () => {
  const stores: Record<'http' | 'in-process', Store | undefined> = { http: undefined, 'in-process': undefined };
  beforeAll(async () => {
    for (const transport of ['http', 'in-process'] as const)
      stores[transport] = await openStore(loadConfig({ SNAPSHOT_INTERVAL_SECONDS: '0' }), createLogger('silent'), {
        persist: false,
        transport,
      });
  });
  afterAll(async () => {
    for (const store of Object.values(stores)) await store?.close();
  });

  async function story(store: Store) {
    const cases = store.containers.cases;
    for (let i = 0; i < 7; i++) await cases.items.create({ id: `d${i}`, caseRef: 'C-1', n: i });
    const read = await readDoc(cases, 'd3', 'C-1', Doc);
    const replaced = await cases.item('d3', 'C-1').replace(
      { id: 'd3', caseRef: 'C-1', n: 30 },
      {
        accessCondition: { type: 'IfMatch', condition: read!._etag },
      },
    );
    const stale = await cases
      .item('d3', 'C-1')
      .replace({ id: 'd3', caseRef: 'C-1', n: 31 }, { accessCondition: { type: 'IfMatch', condition: read!._etag } })
      .then(
        () => 'replaced',
        (e: { code?: number }) => e.code,
      );
    const missing = await readDoc(cases, 'nope', 'C-1', Doc);
    const all = await queryAll(
      cases,
      { query: 'SELECT * FROM c WHERE c.caseRef = @r ORDER BY c.n DESC', parameters: [{ name: '@r', value: 'C-1' }] },
      Doc,
    );
    const pages = [];
    let continuationToken: string | undefined;
    do {
      const page = await cases.items
        .query<{ id: string }>('SELECT c.id FROM c', { maxItemCount: 3, continuationToken })
        .fetchNext();
      pages.push(page.resources.map((r) => r.id));
      continuationToken = page.continuationToken ?? undefined;
    } while (continuationToken !== undefined);
    return {
      read: read?.n,
      replaced: replaced.statusCode,
      stale,
      missing,
      all: all.map((d) => `${d.id}=${d.n}`),
      pages,
    };
  }

  it('answers every step as the server does over HTTP', async () => {
    const overHttp = await story(stores.http!);
    const inProcess = await story(stores['in-process']!);
    expect(overHttp).toEqual({
      read: 3,
      replaced: 200,
      stale: 412,
      missing: undefined,
      all: ['d3=30', 'd6=6', 'd5=5', 'd4=4', 'd2=2', 'd1=1', 'd0=0'],
      pages: [['d0', 'd1', 'd2'], ['d3', 'd4', 'd5'], ['d6']],
    });
    expect(inProcess).toEqual(overHttp);
  });
});
