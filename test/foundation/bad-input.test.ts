import { BotHarness, TEST_TENANT, cardText } from '../harness/bot-harness';
import { documentsOf } from '../privacy/fixtures';

describe('bad input gets a clear answer and the server keeps serving', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it.each([
    ['not JSON-shaped', 'hello'],
    ['an empty object', {}],
    ['no conversation', { type: 'message', serviceUrl: 'http://127.0.0.1:1/', from: { id: 'x' } }],
    ['a number', 42],
  ])('a malformed activity (%s) gets 400', async (_name, body) => {
    const r = await h.post(body);
    expect(r.status).toBe(400);
  });

  it('an unknown verb gets a friendly card, not an error', async () => {
    const u = await h.userWithRoles('Una', ['admin']);
    const r = await h.execute(u, 'no.such.verb', {});
    expect(r.status).toBe(200);
    expect(cardText(r.card)).toContain('Den knap kender Fremdrift ikke');
  });

  it('a card payload of the wrong shape gets a friendly card and writes nothing', async () => {
    const u = await h.userWithRoles('Una', ['admin']);
    await h.say(u, 'hjælp'); // the first turn records the user
    const before = await documentsOf(h.services);
    const r = await h.execute(u, 'admin.roles.save', { userId: 12, inputId: 'drop table' });
    expect(cardText(r.card)).toContain('Det sendte kunne ikke læses');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('a CPR number in a card field is refused, in the user language, and nothing is stored', async () => {
    const u = await h.userWithRoles('Ella', ['admin'], { locale: 'en-GB' });
    await h.say(u, 'help');
    const before = await documentsOf(h.services);
    const r = await h.execute(u, 'admin.roles.add', {
      newUserId: '0c0c0c0c-0000-4000-8000-00000000000c',
      newUserName: 'Borger 010190-1234',
      newRoles: 'leder',
    });
    expect(cardText(r.card)).toContain('seems to contain a CPR number');
    expect(await h.services.directory.getUser(TEST_TENANT, '0c0c0c0c-0000-4000-8000-00000000000c')).toBeUndefined();
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('a CPR number typed in chat is refused and never echoed', async () => {
    const u = await h.userWithRoles('Sif', ['screener']);
    const r = await h.say(u, 'borgeren har cpr 0101901234');
    expect(r.texts[0]).toContain('CPR-nummer');
    expect(r.texts.join()).not.toContain('0101901234');
  });

  it('the Action.Submit fallback routes on data.verb to the same handler and updates the card in place', async () => {
    const u = await h.userWithRoles('Sune', ['admin']);
    const r = await h.submit(u, { verb: 'command.run', command: 'roller' }, { replyToId: 'card-activity-1' });
    const update = h.connector.calls.find((c) => c.kind === 'update' && c.path.endsWith('/card-activity-1'));
    expect(update).toBeDefined();
    expect(r.status).toBe(200);
    expect(JSON.stringify(update!.body)).toContain('Roller i Fremdrift');
  });

  it('an empty message gets a pointer, and the server still answers help afterwards', async () => {
    const u = await h.userWithRoles('Tim', ['leder']);
    const empty = await h.say(u, '   ');
    expect(empty.texts[0]).toContain('kunne ikke læses');
    const help = await h.say(u, 'hjælp');
    expect(cardText(help.cards[0])).toContain('Hvad kan jeg hjælpe med?');
  });

  it('serves /healthz with Cosmos reachability', async () => {
    const res = await fetch(`${h.app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', cosmos: 'reachable', store: 'embedded' });
  });

  it.each([
    ['admin', 'log for sag Sag-A01'],
    ['admin', 'eksportér sag Sag-A01'],
    ['admin', 'slet sag Sag-A01'],
    ['jobformidler', 'sag Sag-A01'],
    ['jobformidler', 'progression Sag-A01'],
    ['screener', 'visitation Sag-A01'],
    ['screener', 'screeningssvar Sag-A01'],
  ] as const)('a refusal never echoes a case number in another letter case than typed (%s: %s)', async (role, text) => {
    const u = await h.userWithRoles(`Rita ${role}`, [role]);
    const r = await h.say(u, text);
    const answer = [...r.texts, ...r.cards.map((c) => cardText(c))].join('\n');
    expect(answer.length).toBeGreaterThan(0);
    expect(answer).not.toContain('sag-a01');
    expect(answer).not.toContain('Sag-a01');
  });
});
