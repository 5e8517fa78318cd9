import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { openStore, type Store } from '../../bot/store/cosmos-store';
import { CONTAINER_NAMES } from '../../bot/store/containers';
import { createDoc, createOnce, queryPage, readDoc, replaceIfMatch } from '../../bot/store/documents';
import { ConflictError } from '../../bot/domain/errors';
import { DirectoryRepository } from '../../bot/store/directory-repository';
import { claimOnce, claimWork, readClaim, settleWork } from '../../bot/store/claims';
import { IndicatorSetSchema } from '../../bot/domain/indicator-set';
import {
  IndicatorSetRepository,
  indicatorSetDocId,
  type IndicatorSetDoc,
} from '../../bot/store/indicator-set-repository';
import defaultG1 from '../../bot/features/progression/default-sets/g1-vej-mod-ordinaere-timer.v1.json';

const Doc = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('note'),
  schemaVersion: z.literal(1),
  n: z.number(),
});
const log = createLogger('silent');

describe('store on the embedded Cosmos server (real @azure/cosmos SDK)', () => {
  let dataDir: string;
  let store: Store;
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-store-'));
    store = await openStore(loadConfig({ DATA_DIR: dataDir, SNAPSHOT_INTERVAL_SECONDS: '0' }), log);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates every container at start-up and answers the health ping', async () => {
    const { resources } = await store.database.containers.readAll().fetchAll();
    expect(resources.map((c) => c.id).sort()).toEqual([...CONTAINER_NAMES].sort());
    expect(await store.ping()).toBe(true);
  });

  it('creates, reads (validated), and refuses a stale replace with ConflictError', async () => {
    const runs = store.containers.runs;
    await createDoc(runs, { id: 'n1', tenantId: 't1', type: 'note', schemaVersion: 1, n: 1 });
    const first = await readDoc(runs, 'n1', 't1', Doc);
    expect(first?.n).toBe(1);
    const { _etag, ...rest } = first!;
    await replaceIfMatch(runs, { ...rest, n: 2 }, 't1', _etag);
    await expect(replaceIfMatch(runs, { ...rest, n: 3 }, 't1', _etag)).rejects.toBeInstanceOf(ConflictError);
    expect((await readDoc(runs, 'n1', 't1', Doc))?.n).toBe(2);
  });

  it('a read with the wrong partition (another tenant) finds nothing', async () => {
    await createDoc(store.containers.runs, { id: 'n1', tenantId: 't1', type: 'note', schemaVersion: 1, n: 1 });
    expect(await readDoc(store.containers.runs, 'n1', 't2', Doc)).toBeUndefined();
  });

  it('claims once: the second create of the same id is refused', async () => {
    const doc = { id: 'claim:x', tenantId: 't1', type: 'claim', schemaVersion: 1 };
    const results = await Promise.all([
      createOnce(store.containers.runs, doc),
      createOnce(store.containers.runs, doc),
      createOnce(store.containers.runs, doc),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets one instance at a time take retried work: after a failure, a lost holder, and never once done', async () => {
    const runs = store.containers.runs;
    const at = (minute: number) => new Date(Date.UTC(2025, 2, 10, 7, minute));
    const options = { leaseMs: 10 * 60_000, maxFailures: 3 };
    const take = (holder: string, minute: number) => claimWork(runs, 't1', 'job:x', at(minute), holder, options);
    const holders = async (minute: number) =>
      (await Promise.all(['a', 'b', 'c'].map((h) => take(h, minute)))).filter((c) => c !== undefined);

    const [first, ...others] = await holders(0);
    expect(others).toHaveLength(0);
    expect(await holders(1)).toHaveLength(0); // held
    expect(await settleWork(runs, first!, at(2), { done: false, detail: 'throttled' })).toBe(true);
    const [second, ...more] = await holders(3); // failed: open again, for one of them
    expect(more).toHaveLength(0);
    // Its holder dies; after the lease another takes over, and the dead one's late settle is refused.
    expect(await holders(12)).toHaveLength(0);
    const [third] = await holders(14);
    expect(third).toBeDefined();
    expect(await settleWork(runs, second!, at(15), { done: true, detail: 'sent' })).toBe(false);
    expect(await settleWork(runs, third!, at(15), { done: true, detail: 'sent' })).toBe(true);
    expect(await holders(30)).toHaveLength(0);
    expect(await readClaim(runs, 't1', 'job:x')).toMatchObject({ state: 'done', failures: 1, lastOutcome: 'sent' });
    // A claim made once-only (claimOnce) is done for claimWork too.
    expect(await claimOnce(runs, 't1', 'job:y', at(0), 'a')).toBe(true);
    expect(await claimWork(runs, 't1', 'job:y', at(1), 'b', options)).toBeUndefined();
  });

  it('records a user seen from two personal chats at the same moment: neither turn fails', async () => {
    const directory = new DirectoryRepository(store);
    const now = new Date('2025-03-10T08:00:00Z');
    await directory.recordSeen('t1', { userId: 'u1', displayName: 'Ulla' }, now);
    const seen = ['a:first', 'a:second'].map((personalConversationId) =>
      directory.recordSeen('t1', { userId: 'u1', displayName: 'Ulla', personalConversationId }, now),
    );
    const outcomes = await Promise.allSettled(seen);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(['a:first', 'a:second']).toContain((await directory.getUser('t1', 'u1'))?.personalConversationId);
  });

  it('pages a query with continuation tokens (no OFFSET/LIMIT)', async () => {
    for (let n = 0; n < 7; n++)
      await createDoc(store.containers.runs, { id: `n${n}`, tenantId: 't1', type: 'note', schemaVersion: 1, n });
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await queryPage(
        store.containers.runs,
        { query: 'SELECT * FROM c WHERE c.tenantId = "t1" ORDER BY c.n' },
        Doc,
        { maxItemCount: 3, continuationToken: token },
      );
      seen.push(...page.items.map((i) => i.n));
      token = page.continuationToken;
      pages++;
    } while (token);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pages).toBe(3);
  });

  it('keeps its data across a restart through the snapshot in DATA_DIR', async () => {
    const dir = new DirectoryRepository(store);
    await dir.setRoles('t1', 'u1', ['leder'], 'admin', new Date('2026-11-23T08:00:00Z'), 'Lene');
    await store.close();
    store = await openStore(loadConfig({ DATA_DIR: dataDir, SNAPSHOT_INTERVAL_SECONDS: '0' }), log);
    expect((await new DirectoryRepository(store).getUser('t1', 'u1'))?.roles).toEqual(['leder']);
  });

  const version = (tenantId: string, n: number): IndicatorSetDoc => ({
    id: indicatorSetDocId('g1-vej-mod-ordinaere-timer', n),
    tenantId,
    type: 'indicator_set',
    schemaVersion: 1,
    setId: 'g1-vej-mod-ordinaere-timer',
    version: n,
    definition: { ...IndicatorSetSchema.parse(defaultG1), version: n },
    importedAt: '2025-03-01T10:00:00.000Z',
    importedBy: 'admin-1',
  });

  it("keeps an instance's recent copy of the indicator-set catalogue: served within its age, sees an import made through this instance at once, and another instance’s after the age", async () => {
    const here = new IndicatorSetRepository(store);
    const t = 'tenant-sets';
    expect(await here.listRecent(t, 60_000, 1_000)).toEqual([]);
    // Written past this instance's repository (another instance): not seen while the copy is young.
    await store.containers.directory.items.create(version(t, 2));
    expect(await here.listRecent(t, 60_000, 2_000)).toEqual([]);
    expect((await here.listRecent(t, 60_000, 62_000)).map((d) => d.version)).toEqual([2]);
    // Imported through this instance: the copy is dropped, the next read has it.
    await new IndicatorSetRepository(store).create(version(t, 3));
    expect((await here.listRecent(t, 60_000, 63_000)).map((d) => d.version).sort()).toEqual([2, 3]);
  });
});
