import { ManualClock } from '../../bot/domain/clock';
import { DirectoryRepository } from '../../bot/store/directory-repository';
import { BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { StoreRequestCounter, describeRequests } from '../harness/store-request-counter';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';

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
    // These cases have a progression measurement due, so the indicator-set catalogue is needed too:
    // the first ask read it, and this instance keeps it for the cache time like the settings.
    const expected = 'audit create 1, cases query 1, cases query-plan 1, directory read 1';
    expect(describeRequests(twelve.requests)).toBe(expected);
    for (let i = 12; i < 60; i++) await handedOverCase(h.services, jf, { caseRef: `ML-${i}`, status: 'ACTIVE' });
    const sixty = await ask();
    expect(cardText(sixty.result.cards[0])).toContain('ML-00');
    expect(describeRequests(sixty.requests)).toBe(expected);
  });

  describe('a save of the case work: the user, one query of the case (+ plan), one batch of the document and its facts, one audit entry', () => {
    // A jobformidler of their own, so the caseload counts above stay as they are.
    let owner: TestUser;
    beforeAll(async () => {
      owner = await h.userWithRoles('Hanne', ['jobformidler']);
    });
    const SAVE = 'audit create 1, cases batch 1, cases query 1, cases query-plan 1, directory read 1';

    it(`hours entry: ${SAVE}, and the answer form shows the week saved`, async () => {
      const caseRef = await handedOverCase(h.services, owner, { status: 'ACTIVE' });
      const entry = async (ordinaryHours: string) => {
        const form = (await h.execute(owner, 'hours.new', { caseRef, isoWeek: '2025-W10' })).card;
        return counter.during(() =>
          h.execute(owner, 'hours.save', {
            ...buttonData(form, 'hours.save'),
            isoWeek: '2025-W10',
            source: 'PAYSLIP',
            ordinaryHours,
            practiceHours: '20',
            absenceHours: '0',
          }),
        );
      };
      const first = await entry('8');
      expect(cardText(first.result.card)).toContain('Uge 10 er gemt: 8 ordinære timer.');
      expect(describeRequests(first.requests)).toBe(SAVE);
      const correction = await entry('9');
      expect(cardText(correction.result.card)).toContain('Uge 10 er rettet: 9 ordinære timer (før 8).');
      expect(cardText(correction.result.card)).toContain('registreret: 9 ordinære t');
      expect(describeRequests(correction.requests)).toBe(SAVE);
    });

    it(`checklist change: ${SAVE}`, async () => {
      const caseRef = await handedOverCase(h.services, owner, { status: 'ACTIVE' });
      const form = await h.execute(owner, 'agreement.new', { caseRef });
      let card = (
        await h.execute(owner, 'agreement.create', {
          ...buttonData(form.card, 'agreement.create'),
          placementType: 'COMPANY_INTERNSHIP',
          cvr: '10150817',
          companyName: 'Lageret A/S',
          contactName: 'Bo Hansen',
        })
      ).card;
      for (const tasks of ['Plukke varer', 'Pakke varer']) {
        const r = await counter.during(() =>
          h.execute(owner, 'agreement.save', {
            ...buttonData(card, 'agreement.save'),
            ...inputValues(card),
            s_TASKS: 'AGREED',
            v_TASKS: tasks,
          }),
        );
        expect(cardText(r.result.card)).toContain('Arbejdsaftalen er gemt.');
        expect(cardText(r.result.card)).toContain(tasks);
        expect(describeRequests(r.requests)).toBe(SAVE);
        card = r.result.card;
      }
    });
  });

  it('admin: save roles costs four requests: the admin, the colleague, the replace, one audit entry (the answer card lists the staff this instance keeps)', async () => {
    const admin = await h.userWithRoles('Karen Key', ['admin']);
    const colleague = await h.userWithRoles('Kim Kollega', []);
    await h.say(admin, 'roller'); // the first look at the roles card reads the staff list
    const saveRoles = async (roles: string) => {
      const card = (await h.say(admin, 'roller')).cards[0];
      const row = actionsOf(card).find((a) => a.verb === 'admin.roles.save' && a.data.userId === colleague.aadObjectId);
      if (row === undefined) throw new Error('no row for the colleague');
      return counter.during(() =>
        h.execute(admin, 'admin.roles.save', { ...row.data, [String(row.data.inputId)]: roles }),
      );
    };
    const first = await saveRoles('leder');
    expect(cardText(first.result.card)).toContain('Roller for Kim Kollega er gemt: Leder.');
    expect(describeRequests(first.requests)).toBe('directory read 2, audit create 1, directory replace 1');
    // The list on the answer card has the change (this instance wrote it), without a query.
    const second = await saveRoles('screener,leder');
    expect(cardText(second.result.card)).toContain('Roller for Kim Kollega er gemt: Screener, Leder.');
    expect(describeRequests(second.requests)).toBe('directory read 2, audit create 1, directory replace 1');
    const listed = actionsOf(second.result.card).find(
      (a) => a.verb === 'admin.roles.save' && a.data.userId === colleague.aadObjectId,
    );
    expect(inputValues(second.result.card)[String(listed?.data.inputId)]).toBe('screener,leder');
  });
});
