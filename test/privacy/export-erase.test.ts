import { BotHarness, TEST_TENANT, actionsOf, cardText, openUrlOf } from '../harness/bot-harness';
import { adminGet, allItems, caseDocs, seedCase } from './fixtures';

const ADMIN_API_TOKEN = 'e'.repeat(40);
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';

describe('export of a case (art. 15/20)', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_API_TOKEN } });
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-EXP1-AAAA', marker: 'exp-a' });
    await seedCase(h.services, { tenantId: OTHER_TENANT, caseRef: 'FR-EXP1-AAAA', marker: 'exp-other' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('asks for confirmation with what will be exported, then gives the JSON without art. 9 data in the chat', async () => {
    const dpo = await h.userWithRoles('Dorte', ['admin']);
    const ask = await h.say(dpo, 'eksportér sag fr-exp1-aaaa');
    const confirm = ask.cards[0];
    expect(cardText(confirm)).toContain('3 dokumenter i sagen og 1 med helbredsoplysninger (art. 9)');
    const button = actionsOf(confirm).find((a) => a.verb === 'privacy.export.confirm');
    expect(button?.data).toMatchObject({ caseRef: 'FR-EXP1-AAAA' });

    const done = await h.execute(dpo, 'privacy.export.confirm', button!.data);
    // Delivered as a file in the 1:1 chat (issue 13 item 8): here a single-use link, as in the Playground.
    expect(cardText(done.card)).toContain('Eksporten kommer som fil herunder');
    const url = openUrlOf(done.cards.find((c) => openUrlOf(c) !== undefined));
    const json = (await (await fetch(url!)).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ format: 'fremdrift-case-export', caseRef: 'FR-EXP1-AAAA', includesSensitive: false });
    const text = JSON.stringify(json);
    expect(text).toContain('exp-a-hours');
    expect(text).toContain('exp-a-followup');
    expect(text).not.toContain('exp-a-art9'); // art. 9 stays out of the chat history
    expect(text).not.toContain('exp-other'); // the other municipality's case with the same ref
    expect(text).not.toContain('_etag');

    const audit = (await allItems(h.services.store.containers.audit)).filter((e) => e.actorId === dpo.aadObjectId);
    expect(audit.map((e) => [e.action, e.purpose, e.outcome])).toEqual([
      ['case.export.request', 'data_subject_request', 'ok'],
      ['case.export', 'data_subject_request', 'ok'],
      ['file.offer.privacy.export', 'data_subject_request', 'ok'],
      ['case.export', 'data_subject_request', 'ok'],
      ['file.deliver.privacy.export', 'data_subject_request', 'ok'],
    ]);
  });

  it('gives the full export, with art. 9 documents, only through the admin API, audited', async () => {
    const path = `/api/admin/cases/FR-EXP1-AAAA/export.json?tenant=${TEST_TENANT}`;
    expect((await adminGet(h, path, undefined)).status).toBe(401);
    const r = await adminGet(h, path, ADMIN_API_TOKEN);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('case-FR-EXP1-AAAA.json');
    const body = JSON.parse(r.body) as { documents: { sensitive: unknown[] }; includesSensitive: boolean };
    expect(body.includesSensitive).toBe(true);
    expect(JSON.stringify(body.documents.sensitive)).toContain('exp-a-art9');
    expect(r.body).not.toContain('exp-other');
    const api = (await allItems(h.services.store.containers.audit)).filter((e) => e.channel === 'api');
    expect(api.map((e) => e.action)).toEqual(['case.export.full']);
  });

  it('is refused for other roles, in shared conversations, and for unknown cases', async () => {
    const jf = await h.userWithRoles('Jens', ['jobformidler']);
    expect((await h.say(jf, 'eksportér sag FR-EXP1-AAAA')).texts.join()).toContain('Det har din rolle ikke adgang til');
    const forged = await h.execute(jf, 'privacy.export.confirm', { caseRef: 'FR-EXP1-AAAA' });
    expect(cardText(forged.card)).toContain('Det har din rolle ikke adgang til');
    const dpo = await h.userWithRoles('Dorte', ['admin']);
    const group = await h.say(dpo, 'export case FR-EXP1-AAAA', { kind: 'groupChat' });
    expect(cardText(group.cards[0])).toContain('vises kun i din 1:1-chat');
    expect((await h.say(dpo, 'eksportér sag FR-NOPE-0000')).texts.join()).toContain('ingen data om sag');
  });
});

describe('erasure of a case on a lawful request (art. 17)', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-DEL1-AAAA' });
    await seedCase(h.services, { tenantId: OTHER_TENANT, caseRef: 'FR-DEL1-AAAA' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('erases nothing until the case number is typed and a ground is chosen', async () => {
    const dpo = await h.userWithRoles('Dorte', ['admin']);
    const ask = await h.say(dpo, 'slet sag FR-DEL1-AAAA');
    expect(cardText(ask.cards[0])).toContain('3 dokumenter i sagen og 1 med helbredsoplysninger');
    expect(cardText(ask.cards[0])).toContain('art. 17, stk. 3');

    const wrong = await h.execute(dpo, 'privacy.erase.confirm', {
      caseRef: 'FR-DEL1-AAAA',
      confirmRef: 'FR-DEL1-AAAB',
      reason: 'art17_request',
    });
    expect(cardText(wrong.card)).toContain('Sagsnummeret passer ikke');
    const noReason = await h.execute(dpo, 'privacy.erase.confirm', {
      caseRef: 'FR-DEL1-AAAA',
      confirmRef: 'FR-DEL1-AAAA',
    });
    expect(cardText(noReason.card)).toContain('Det sendte kunne ikke læses');
    const cancelled = await h.execute(dpo, 'privacy.cancel', {});
    expect(cardText(cancelled.card)).toContain('Annulleret');
    expect(await caseDocs(h.services, TEST_TENANT, 'FR-DEL1-AAAA')).toHaveLength(4);
  });

  it('erases every document of the case in both containers, keeps the log, and leaves the other municipality alone', async () => {
    const dpo = await h.userWithRoles('Dorte', ['admin']);
    const done = await h.execute(dpo, 'privacy.erase.confirm', {
      caseRef: 'FR-DEL1-AAAA',
      confirmRef: 'fr-del1-aaaa',
      reason: 'art17_request',
    });
    expect(cardText(done.card)).toContain(
      'Sag FR-DEL1-AAAA er slettet: 3 dokumenter i sagen og 1 med helbredsoplysninger',
    );
    expect(await caseDocs(h.services, TEST_TENANT, 'FR-DEL1-AAAA')).toEqual([]);
    expect(await caseDocs(h.services, OTHER_TENANT, 'FR-DEL1-AAAA')).toHaveLength(4);
    const audit = (await allItems(h.services.store.containers.audit)).filter((e) => e.caseRef === 'FR-DEL1-AAAA');
    expect(audit.map((e) => [e.action, e.kind, e.outcome])).toEqual(
      expect.arrayContaining([['case.erase.art17_request', 'write', 'ok']]),
    );
    const log = await h.say(dpo, 'log for sag FR-DEL1-AAAA');
    expect(cardText(log.cards[0])).toContain('Borgerens anmodning (indsigt eller sletning)');
    const again = await h.execute(dpo, 'privacy.erase.confirm', {
      caseRef: 'FR-DEL1-AAAA',
      confirmRef: 'FR-DEL1-AAAA',
      reason: 'art17_request',
    });
    expect(cardText(again.card)).toContain('ingen data om sag FR-DEL1-AAAA');
  });

  it('refuses anyone but an admin, whatever card data they send', async () => {
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-DEL2-AAAA', jobformidlerId: 'x' });
    for (const roles of [['jobformidler'], ['screener'], ['leder'], []] as const) {
      const u = roles.length ? await h.userWithRoles('U', [...roles]) : h.user('Nobody');
      const r = await h.execute(u, 'privacy.erase.confirm', {
        caseRef: 'FR-DEL2-AAAA',
        confirmRef: 'FR-DEL2-AAAA',
        reason: 'unlawful',
      });
      expect(cardText(r.card)).toMatch(/ikke adgang|ingen rolle/);
    }
    expect(await caseDocs(h.services, TEST_TENANT, 'FR-DEL2-AAAA')).toHaveLength(4);
  });
});
