import { ManualClock } from '../../bot/domain/clock';
import { DirectoryRepository } from '../../bot/store/directory-repository';
import { BotHarness, cardText, type TestUser } from '../harness/bot-harness';
import { StoreRequestCounter, describeRequests } from '../harness/store-request-counter';
import { handedOverCase } from '../case/fixtures';

/**
 * What a user action costs in store round trips, counted at the SDK's HTTP client (every request
 * that would reach Azure Cosmos DB, query plans included). A round trip that comes back fails here.
 */
describe('store requests per user action', () => {
  const now = new Date('2025-03-10T08:30:00Z');
  const counter = new StoreRequestCounter();
  let h: BotHarness;
  let jf: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({
      clock: new ManualClock(now),
      // The longest cache time, so a slow run does not add a settings read to a count.
      env: { SETTINGS_CACHE_SECONDS: '60' },
      startOptions: { store: { httpClient: counter } },
    });
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('help costs one request: the user (no teams-ai turn state is loaded or saved)', async () => {
    await h.say(jf, 'hjælp'); // the first turn records the user's chat (a write)
    const { result, requests } = await counter.during(() => h.say(jf, 'hjælp'));
    expect(result.cards.length + result.texts.length).toBeGreaterThan(0);
    expect(describeRequests(requests)).toBe('directory read 1');
  });

  it('reads the settings once per instance within the cache time, and sees another instance’s change after it', async () => {
    let clock = 0;
    const directory = new DirectoryRepository(h.services.store, { settingsCacheMs: 10_000, monotonicNow: () => clock });
    const first = await counter.during(() => directory.getSettings(jf.tenantId));
    expect(first.requests).toHaveLength(1);
    const again = await counter.during(() => directory.getSettings(jf.tenantId));
    expect(again.requests).toHaveLength(0);

    // Another instance saves a change: this one keeps its copy for the cache time, then reads it.
    await h.services.directory.saveSettings(
      jf.tenantId,
      { ...first.result, cadenceDaysDefault: 35 },
      'other-instance',
      now,
    );
    clock = 9_999;
    expect((await directory.getSettings(jf.tenantId)).cadenceDaysDefault).toBe(first.result.cadenceDaysDefault);
    clock = 10_000;
    const later = await counter.during(() => directory.getSettings(jf.tenantId));
    expect(later.result.cadenceDaysDefault).toBe(35);
    expect(later.requests).toHaveLength(1);
    await h.services.directory.saveSettings(jf.tenantId, first.result, 'test', now);
  });

  it('"Mine borgere" logs one access-log entry, naming every case of the caseload it read to order it, and the DPO finds it per case', async () => {
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    const refs: string[] = [];
    for (let i = 0; i < 12; i++)
      refs.push(
        await handedOverCase(h.services, jf, { caseRef: `ML-${String(i).padStart(2, '0')}`, status: 'ACTIVE' }),
      );
    const before = (await h.services.audit.listSince(jf.tenantId, new Date(0), { maxItemCount: 500 })).items.length;
    const r = await h.say(jf, 'mine borgere');
    expect(cardText(r.cards[0])).toContain('ML-00');
    const entries = (await h.services.audit.listSince(jf.tenantId, new Date(0), { maxItemCount: 500 })).items.slice(
      before,
    );
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: jf.aadObjectId,
        action: 'caseload.read',
        kind: 'read',
        purpose: 'follow_up',
        outcome: 'ok',
      }),
    ]);
    // The whole caseload is read to put the most pressing first (page 1 shows 10 of the 12): every
    // case read is in the entry, also the two on page 2.
    expect([...(entries[0]?.caseRefs ?? [])].sort()).toEqual(refs);
    for (const ref of [refs[0]!, refs[9]!, refs[11]!]) {
      const perCase = (await h.services.audit.listForCase(jf.tenantId, ref, { maxItemCount: 50 })).items;
      expect(perCase.map((e) => e.action)).toContain('caseload.read');
    }
    const other = await handedOverCase(h.services, jf, { caseRef: 'ML-OTHER', status: 'CLOSED' });
    await h.say(jf, 'mine borgere');
    expect((await h.services.audit.listForCase(jf.tenantId, other, { maxItemCount: 50 })).items).toEqual([]);
    const extract = cardText((await h.say(dpo, `log for sag ${refs[9]}`)).cards[0]);
    expect(extract).toContain('Opfølgning');
  });

  it('"Mine borgere" costs the same few requests for 12 cases and for 60: one query, one audit entry, the user', async () => {
    const ask = () => counter.during(() => h.say(jf, 'mine borgere'));
    await ask(); // settings into this instance's cache
    const twelve = await ask();
    expect(cardText(twelve.result.cards[0])).toContain('ML-00');
    // These cases have a progression measurement due, so the indicator-set catalogue is read too
    // (a directory query and its plan); on a day with none due it is not.
    const expected =
      'audit create 1, cases query 1, cases query-plan 1, directory query 1, directory query-plan 1, directory read 1';
    expect(describeRequests(twelve.requests)).toBe(expected);
    for (let i = 12; i < 60; i++) await handedOverCase(h.services, jf, { caseRef: `ML-${i}`, status: 'ACTIVE' });
    const sixty = await ask();
    expect(cardText(sixty.result.cards[0])).toContain('ML-00');
    expect(describeRequests(sixty.requests)).toBe(expected);
  });
});
