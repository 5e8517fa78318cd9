import defaultSet from '../../bot/features/progression/default-sets/g1-vej-mod-ordinaere-timer.v1.json';
import { ProgressionRepository } from '../../bot/store/progression-repository';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { actionData, createG1Case, scoreMeasurement } from './helpers';

describe('who may score and read progression, and the audit trail', () => {
  let h: BotHarness;
  let assigned: TestUser;
  let colleague: TestUser;
  let leader: TestUser;
  let admin: TestUser;
  let screener: TestUser;
  const NOT_OWNER = 'Du har ikke adgang til denne sag. Kun sagens jobformidler (og den, der screenede) kan se den.';
  const FORBIDDEN = 'Det har din rolle ikke adgang til. Spørg din administrator, hvis du mener, det er en fejl.';

  beforeAll(async () => {
    h = await BotHarness.start();
    assigned = await h.userWithRoles('Jonas', ['jobformidler']);
    colleague = await h.userWithRoles('Karen', ['jobformidler']);
    leader = await h.userWithRoles('Lone', ['leder']);
    admin = await h.userWithRoles('Ada', ['admin']);
    screener = await h.userWithRoles('Sami', ['screener']);
    await createG1Case(h, assigned, 'FR-ACC-1');
  });
  afterAll(async () => {
    await h?.stop();
  });

  const audit = async () => (await h.services.audit.listForCase(TEST_TENANT, 'FR-ACC-1', { maxItemCount: 200 })).items;

  it("lets the case's own jobformidler score and read, and logs every read and write with purpose progression", async () => {
    await h.say(assigned, 'progression FR-ACC-1');
    await scoreMeasurement(h, assigned, 'FR-ACC-1', {
      measuredAt: new Date().toISOString().slice(0, 10),
      scores: [4, 4, 4, 4, 4, 4, 4],
    });
    await h.execute(assigned, 'progression.citizen', { caseRef: 'FR-ACC-1' });
    const entries = (await audit()).filter((e) => e.actorId === assigned.aadObjectId);
    expect(entries.every((e) => e.purpose === 'progression' && e.outcome === 'ok' && e.channel === 'personal')).toBe(
      true,
    );
    const seen = entries.map((e) => `${e.kind}:${e.action}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'read:progression.read',
        'read:progression.measurement.read',
        'write:progression.measurement.start',
        'write:progression.measurement.save',
        'write:progression.measurement.complete',
        'read:progression.citizen_view',
      ]),
    );
    expect(seen.filter((s) => s === 'write:progression.measurement.save')).toHaveLength(7);
  });

  it('refuses another jobformidler the case, logs the refusal, and answers a case that does not exist the same way', async () => {
    const other = await h.say(colleague, 'progression FR-ACC-1');
    expect(other.texts).toEqual([NOT_OWNER]);
    const denied = (await audit()).filter((e) => e.actorId === colleague.aadObjectId);
    expect(denied).toEqual([
      expect.objectContaining({
        action: 'progression.read',
        outcome: 'denied',
        purpose: 'progression',
        caseRef: 'FR-ACC-1',
      }),
    ]);
    const missing = await h.say(colleague, 'progression FR-FINDES-IKKE');
    expect(missing.texts).toEqual([NOT_OWNER]);
  });

  it("refuses another jobformidler's card clicks on the case and changes nothing", async () => {
    const start = await h.execute(assigned, 'progression.new', { caseRef: 'FR-ACC-1' });
    const data = {
      ...actionData(start.card, 'progression.start'),
      setKey: 'g1-vej-mod-ordinaere-timer@1',
      context: 'ROUTINE_3M',
      participants: 'CITIZEN',
      measuredAt: new Date().toISOString().slice(0, 10),
    };
    const taken = await h.execute(colleague, 'progression.start', data);
    expect(cardText(taken.card)).toBe(NOT_OWNER);
    const page = await h.execute(assigned, 'progression.start', data);
    const next = actionsOf(page.card).find((a) => a.data.move === 'next')!.data;
    const foreign = await h.execute(colleague, 'progression.page', { ...next, score: '1' });
    expect(cardText(foreign.card)).toBe(NOT_OWNER);
    const docs = await new ProgressionRepository(h.services.store).listForCase(TEST_TENANT, 'FR-ACC-1');
    expect(docs.find((d) => d.status === 'DRAFT')?.scores).toEqual([]);
    const writes = (await audit()).filter((e) => e.actorId === colleague.aadObjectId && e.kind === 'write');
    expect(writes.map((e) => e.outcome)).toEqual(['denied', 'denied']);
  });

  it('refuses leaders, screeners and admins scoring (leaders see aggregates only)', async () => {
    for (const user of [leader, screener, admin]) {
      const r = await h.say(user, 'progression FR-ACC-1');
      // An admin is told which role it takes, with a button to take it (test/onboarding/first-admin.test.ts).
      if (user === admin) expect(cardText(r.cards[0])).toContain('"progression fr-acc-1" kræver rollen Jobformidler');
      else expect(r.texts).toEqual([FORBIDDEN]);
      const click = await h.execute(user, 'progression.open', { caseRef: 'FR-ACC-1' });
      expect(cardText(click.card)).toBe(FORBIDDEN);
    }
  });

  it('lets only admins see and import indicator sets, and logs imports as administration', async () => {
    for (const user of [assigned, leader]) expect((await h.say(user, 'indikatorsæt')).texts).toEqual([FORBIDDEN]);
    await h.say(admin, 'import indicator set {"format":"fremdrift-indicator-set"}');
    const since = await h.services.audit.listSince(TEST_TENANT, new Date(0), { maxItemCount: 500 });
    // An invalid set is refused before anything is written, so only valid imports reach the audited write.
    expect(since.items.filter((e) => e.action === 'indicatorset.import')).toEqual([]);
    const valid = JSON.parse(JSON.stringify(defaultSet)) as Record<string, unknown>;
    valid.setId = 'audit-set';
    await h.say(admin, `importér indikatorsæt ${JSON.stringify(valid)}`);
    const after = await h.services.audit.listSince(TEST_TENANT, new Date(0), { maxItemCount: 500 });
    expect(after.items.filter((e) => e.action === 'indicatorset.import')).toEqual([
      expect.objectContaining({ actorId: admin.aadObjectId, kind: 'write', purpose: 'administration', outcome: 'ok' }),
    ]);
  });

  it('shows the progression commands in help only to the roles that may use them', async () => {
    const forJo = cardText((await h.say(assigned, 'hjælp')).cards[0]);
    expect(forJo).toContain('progression SAGSNUMMER');
    expect(forJo).not.toContain('indikatorsæt');
    const forAdmin = cardText((await h.say(admin, 'hjælp')).cards[0]);
    expect(forAdmin).toContain('indikatorsæt');
    expect(forAdmin).not.toContain('progression SAGSNUMMER');
    expect(cardText((await h.say(leader, 'hjælp')).cards[0])).not.toContain('progression');
  });

  it('speaks English to an English-speaking jobformidler', async () => {
    const en = await h.userWithRoles('Emma', ['jobformidler'], { locale: 'en-GB' });
    await createG1Case(h, en, 'FR-ACC-EN');
    const r = await h.say(en, 'progression FR-ACC-EN');
    expect(cardText(r.cards[0])).toContain('There are no measurements yet.');
    const start = await h.execute(en, 'progression.new', { caseRef: 'FR-ACC-EN' });
    expect(cardText(start.card)).toContain('Group 1 — path to ordinary hours v1');
    expect(cardText(start.card)).toContain('Baseline (start)');
  });
});
