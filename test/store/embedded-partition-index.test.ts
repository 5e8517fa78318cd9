import type { Container, SqlParameter } from '@azure/cosmos';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { openStore, type Store } from '../../bot/store/cosmos-store';
import { keepDefined, partitionIndexStats } from '../../bot/store/embedded-partition-index';

/**
 * The embedded server's index by partition key answers a query that fixes the partition key from
 * that partition only, with the same documents, order and pages as the server's full scan. The
 * full scan is asked the same question with the key inside an OR the index does not read.
 */
describe('embedded store: index by partition key', () => {
  let store: Store;
  let cases: Container;
  beforeAll(async () => {
    store = await openStore(loadConfig({ SNAPSHOT_INTERVAL_SECONDS: '0' }), createLogger('silent'), {
      persist: false,
    });
    cases = store.containers.cases;
    for (let c = 0; c < 6; c++)
      for (let d = 0; d < 5; d++)
        await cases.items.create({
          id: `doc-${d}`,
          tenantId: c % 2 === 0 ? 'T1' : 'T2',
          caseRef: `CASE-${c}`,
          type: d === 0 ? 'case' : 'note',
          n: (d * 7) % 5,
        });
  });
  afterAll(async () => {
    await store?.close();
  });

  /** Every page of a query, as the app pages (continuation tokens), with the index counters it moved. */
  async function pages(container: Container, query: string, parameters: SqlParameter[], maxItemCount = 2) {
    const before = { ...partitionIndexStats };
    const out: string[][] = [];
    let continuationToken: string | undefined;
    do {
      const page = await container.items
        .query<{ caseRef: string; id: string }>({ query, parameters }, { maxItemCount, continuationToken })
        .fetchNext();
      out.push(page.resources.map((r) => `${r.caseRef}/${r.id}`));
      continuationToken = page.continuationToken ?? undefined;
    } while (continuationToken !== undefined);
    return {
      pages: out,
      fromPartition: partitionIndexStats.fromPartition - before.fromPartition,
      fullScan: partitionIndexStats.fullScan - before.fullScan,
    };
  }

  const both = async (where: string, order: string, parameters: SqlParameter[]) => {
    const indexed = await pages(cases, `SELECT * FROM c WHERE ${where}${order}`, parameters);
    const scanned = await pages(
      cases,
      `SELECT * FROM c WHERE ${where.replace('c.caseRef = @ref', '(c.caseRef = @ref OR false)')}${order}`,
      parameters,
    );
    return { indexed, scanned };
  };

  it('answers a query for one case from its partition, with the same pages as a full scan', async () => {
    const params = [
      { name: '@t', value: 'T1' },
      { name: '@ref', value: 'CASE-2' },
    ];
    const { indexed, scanned } = await both('c.tenantId = @t AND c.caseRef = @ref', '', params);
    expect(indexed.pages).toEqual([
      ['CASE-2/doc-0', 'CASE-2/doc-1'],
      ['CASE-2/doc-2', 'CASE-2/doc-3'],
      ['CASE-2/doc-4'],
    ]);
    expect(indexed.pages).toEqual(scanned.pages);
    // One query per page: the SDK's query plan request beside each page is not run as a query.
    expect(indexed).toMatchObject({ fromPartition: 3, fullScan: 0 });
    expect(scanned).toMatchObject({ fromPartition: 0, fullScan: 3 });
  });

  it('keeps ORDER BY pages and a filter on other fields the same as the full scan', async () => {
    const params = [{ name: '@ref', value: 'CASE-3' }];
    const { indexed, scanned } = await both('c.caseRef = @ref AND c.type = "note"', ' ORDER BY c.n DESC', params);
    expect(indexed.pages.flat()).toHaveLength(4);
    expect(indexed.pages).toEqual(scanned.pages);
    expect(indexed.fromPartition).toBeGreaterThan(0);
  });

  it('follows replaces and deletes', async () => {
    const { resource } = await cases.item('doc-1', 'CASE-4').read<Record<string, unknown>>();
    await cases.item('doc-1', 'CASE-4').replace({ ...resource, n: 99 });
    await cases.item('doc-3', 'CASE-4').delete();
    const { indexed, scanned } = await both('c.caseRef = @ref', '', [{ name: '@ref', value: 'CASE-4' }]);
    expect(indexed.pages.flat()).toEqual(['CASE-4/doc-0', 'CASE-4/doc-1', 'CASE-4/doc-2', 'CASE-4/doc-4']);
    expect(indexed.pages).toEqual(scanned.pages);
  });

  it('leaves queries without the partition key fixed at the top to the server, scanned in one pass', async () => {
    const linearised = partitionIndexStats.linearised;
    const r = await pages(cases, 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case"', [
      { name: '@t', value: 'T2' },
    ]);
    expect(r.pages.flat()).toEqual(['CASE-1/doc-0', 'CASE-3/doc-0', 'CASE-5/doc-0']);
    expect(r).toMatchObject({ fromPartition: 0 });
    // The engine's compiled FROM was rewritten once for this query (it copied the list per document).
    expect(partitionIndexStats.linearised).toBe(linearised + 1);
    const all = await cases.items.readAll().fetchAll();
    expect(all.resources).toHaveLength(29); // 30 created, one deleted above
  });

  it('indexes every container by its own key (directory by tenant)', async () => {
    const directory = store.containers.directory;
    await directory.items.create({ id: 'a', tenantId: 'T1', type: 'x' });
    await directory.items.create({ id: 'a', tenantId: 'T2', type: 'x' });
    const r = await pages(directory, 'SELECT * FROM c WHERE c.tenantId = @t', [{ name: '@t', value: 'T2' }]);
    expect(r.pages.flat()).toEqual(['undefined/a']);
    expect(r).toMatchObject({ fromPartition: 1, fullScan: 0 });
  });

  it('drops undefined from projected results as the engine did, and hands stored documents on uncopied', async () => {
    const { resources } = await cases.items
      .query({
        query:
          'SELECT c.id, c.absent, [c.n, c.absent, {"x": c.absent, "y": c.n}] AS list FROM c WHERE c.caseRef = @ref AND c.id = "doc-1"',
        parameters: [{ name: '@ref', value: 'CASE-0' }],
      })
      .fetchAll();
    expect(resources).toEqual([{ id: 'doc-1', list: [2, { y: 2 }] }]);
    expect(Object.keys(resources[0] as object)).toEqual(['id', 'list']);

    expect(keepDefined({ a: 1, b: undefined, c: [1, undefined, { d: undefined, e: [undefined] }] })).toEqual({
      a: 1,
      c: [1, { e: [] }],
    });
    const stored = { id: 'x', list: [1, { y: 'z' }], none: null };
    expect(keepDefined(stored)).toBe(stored);
  });
});
