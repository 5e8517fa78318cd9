import { createLogger, hashCaseRef } from '../../bot/log';
import { BotHarness, TEST_TENANT } from '../harness/bot-harness';
import { LogCapture, allItems, seedCase } from './fixtures';

/**
 * Logs carry no personal data: no names, free text, CPR numbers or raw Teams ids, and case refs
 * only as a keyed hash. Checked on the captured output of whole turns through the real server.
 */
const CPR = '010165-1234';
const CASE_REF = 'FR-LOGS-7KQ2';

describe('logs without personal data', () => {
  const logs = new LogCapture();
  let h: BotHarness;
  let names: string[];
  let rawIds: string[];

  beforeAll(async () => {
    h = await BotHarness.start({ logDestination: logs, env: { CASE_REF_HASH_KEY: 'k'.repeat(40) } });
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: CASE_REF, marker: 'seeded-note-text' });
    const admin = await h.userWithRoles('Karen Kofoed Admin', ['admin']);
    const jf = await h.userWithRoles('Jens Jensen Formidler', ['jobformidler']);
    const nobody = h.user('Nils Nobody');
    names = [admin.name, jf.name, nobody.name];
    rawIds = [admin.aadObjectId, jf.aadObjectId, nobody.aadObjectId, admin.botUserId, h.personalConversationId(admin)];

    await h.install(admin);
    await h.say(admin, 'hjælp');
    await h.say(admin, `Borgeren med cpr ${CPR} ringede om sin hemmelige diagnose`);
    await h.execute(admin, 'command.run', { command: `noter ${CPR.replace('-', '')} til sagen` });
    await h.execute(admin, 'admin.roles.add', {
      newUserId: 'not-a-guid',
      newUserName: 'Hemmelig Person',
      newRoles: 'nonsense',
    });
    await h.execute(admin, 'admin.roles.save', { userId: 42, inputId: 'hemmelig fritekst' });
    await h.say(admin, `log for sag ${CASE_REF}`);
    await h.say(admin, `eksportér sag ${CASE_REF}`);
    await h.execute(admin, 'privacy.export.confirm', { caseRef: CASE_REF });
    await h.say(jf, `slet sag ${CASE_REF}`);
    await h.say(nobody, 'roller');
    await h.say(jf, 'en helt almindelig fritekst om borgerens helbred');
    await h.execute(admin, 'privacy.erase.confirm', {
      caseRef: CASE_REF,
      confirmRef: CASE_REF,
      reason: 'art17_request',
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('captured the turns (the test would notice an empty log)', () => {
    const records = logs.records();
    expect(records.filter((r) => r.msg === 'Turn refused').length).toBeGreaterThanOrEqual(3);
    expect(records.some((r) => r.msg === 'Card payload rejected')).toBe(true);
  });

  it('has no names, free text, CPR numbers or raw Teams ids', () => {
    const text = logs.text;
    for (const name of [...names, 'Hemmelig Person']) expect(text).not.toContain(name);
    for (const id of rawIds) expect(text).not.toContain(id);
    for (const phrase of ['hemmelige diagnose', 'hemmelig fritekst', 'helbred', 'seeded-note-text', 'noter'])
      expect(text).not.toContain(phrase);
    for (const cprForm of [CPR, CPR.replace('-', ''), '010165']) expect(text).not.toContain(cprForm);
  });

  it('never shows a case ref in clear text', () => {
    for (const form of [CASE_REF, CASE_REF.toLowerCase()]) expect(logs.text).not.toContain(form);
  });

  it("tags every line of a turn with that turn's correlation id, a different one per turn", () => {
    const turnLines = logs.records().filter((r) => r.msg === 'Turn refused' || r.msg === 'Card payload rejected');
    const ids = turnLines.map((r) => r.correlationId);
    expect(ids.every((id) => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never stores the refused text either: no document in any container holds the CPR number', async () => {
    for (const name of ['cases', 'sensitive', 'directory', 'runs', 'audit', 'botstate'] as const) {
      const json = JSON.stringify(await allItems(h.services.store.containers[name]));
      expect([name, json.includes('010165')]).toEqual([name, false]);
    }
    // …and the bot never echoed it back.
    expect(JSON.stringify(h.connector.calls)).not.toContain('010165');
  });

  it('censors identifier fields even when a caller passes them by mistake', () => {
    const out = new LogCapture();
    const log = createLogger('info', out);
    log.info(
      {
        caseRef: CASE_REF,
        userId: 'u-1',
        actorId: 'a-1',
        detail: { caseRef: CASE_REF, aadObjectId: 'o-1' },
        text: 'fri tekst',
      },
      'oops',
    );
    expect(out.text).toContain('oops');
    for (const raw of [CASE_REF, 'u-1', 'a-1', 'o-1', 'fri tekst']) expect(out.text).not.toContain(raw);
  });

  it('hashes case refs with the configured key', () => {
    const key = 'k'.repeat(40);
    const hashed = hashCaseRef(CASE_REF, key);
    expect(hashed).toMatch(/^[0-9a-f]{16}$/);
    expect(hashed).not.toContain(CASE_REF);
    expect(hashCaseRef(CASE_REF, key)).toBe(hashed);
    expect(hashCaseRef(CASE_REF, 'another-key'.padEnd(40, '!'))).not.toBe(hashed);
  });
});
