import fc from 'fast-check';
import { buildFeatures } from '../../bot/features/registry';
import { BotHarness, TEST_TENANT, cardText, type TestUser } from '../harness/bot-harness';
import { fieldsWithCpr } from '../../bot/domain/cpr-guard';
import { documentsOf, seedCase } from './fixtures';

/**
 * Random and malformed activities and card payloads against the real server, for every registered
 * verb and command (taken from the router, so features that land later are covered): never a 5xx,
 * never a crash, and nothing written by input that is rejected.
 */
const { router } = buildFeatures();
const VERBS = router.verbs();
const EXAMPLES = router
  .listCommands()
  .flatMap((c) => (c.help ? [c.help.example.da, c.help.example.en] : []))
  .map((e) => e.replace(/<[^>]+>/g, 'FR-HOST-0001'));

/**
 * Whether a payload must be refused without writing anything, decided from the input alone: it does
 * not fit the verb's schema, it holds a CPR-shaped number, or the verb is unknown. (Not from the
 * reply's wording: a refusal phrased in a new way must not turn the check off.)
 */
function mustWriteNothing(verb: string, data: unknown): boolean {
  const action = router.action(verb);
  if (action === undefined) return true;
  if (fieldsWithCpr(data, new Date()).length > 0) return true;
  const withoutVerb =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'verb'))
      : (data ?? {});
  return !action.schema.safeParse(withoutVerb).success;
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    null,
    '',
    '010165-1234',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '__proto__',
    'x'.repeat(5000),
    -1,
    1e308,
    { __proto__: { polluted: true } },
    { constructor: { prototype: { polluted: true } } },
  ),
);
const hostileData = fc.oneof(
  fc.dictionary(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'caseRef',
        'userId',
        'inputId',
        'roles0',
        'reason',
        'confirmRef',
        'command',
        'newUserId',
        'newRoles',
        '__proto__',
      ),
    ),
    hostileValue,
    { maxKeys: 6 },
  ),
  hostileValue,
);

describe('hostile input against the real server', () => {
  let h: BotHarness;
  let power: TestUser;
  let nobody: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start();
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-HOST-0001' });
    power = await h.userWithRoles('Power', ['admin', 'screener', 'jobformidler', 'leder']);
    nobody = h.user('Nobody');
    await h.say(power, 'hjælp'); // first turns record the users; later turns must write nothing new
    await h.say(nobody, 'hjælp');
  });
  afterAll(async () => {
    await h?.stop();
  });

  // Every document's id and ETag: a replaced document counts as a write, not only a new one.
  const stable = () => documentsOf(h.services, ['cases', 'sensitive', 'directory', 'runs']);

  it('knows the verbs and commands to attack', () => {
    expect(VERBS).toEqual(expect.arrayContaining(['command.run', 'admin.roles.save', 'privacy.erase.confirm']));
    expect(EXAMPLES.length).toBeGreaterThan(4);
  });

  /** An Action.Execute invoke with any data at all; the status and the text of the card that comes back. */
  async function invoke(user: TestUser, verb: string, data: unknown): Promise<{ status: number; text: string }> {
    const r = await h.post(
      h.activity(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
      }),
    );
    const body = r.body as { value?: unknown } | undefined;
    return { status: r.status, text: cardText(body?.value) };
  }

  it.each(VERBS)(
    '%s: a fixed set of malformed payloads never gets a 5xx, and a refused one writes nothing',
    async (verb) => {
      const payloads: unknown[] = [
        null,
        [],
        'text',
        42,
        {},
        { verb },
        { caseRef: { $ne: null } },
        { caseRef: 'x'.repeat(300) },
        { userId: '../../x', inputId: '__proto__' },
        { note: '010165-1234' },
        nested(60),
      ];
      for (const data of payloads) {
        const before = await stable();
        const r = await invoke(power, verb, data);
        expect(r.status).toBeLessThan(500);
        if (mustWriteNothing(verb, data)) expect([verb, data, await stable()]).toEqual([verb, data, before]);
      }
    },
  );

  it('random card payloads to every verb, from a user with every role or none', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VERBS, 'no.such.verb'),
        hostileData,
        fc.boolean(),
        async (verb, data, asPower) => {
          const before = await stable();
          const sent =
            data && typeof data === 'object' && !Array.isArray(data)
              ? (data as Record<string, unknown>)
              : { value: data };
          const r = await h.execute(asPower ? power : nobody, verb, sent);
          expect(r.status).toBeLessThan(500);
          expect(r.card).toBeDefined();
          // A user without a role writes nothing, whatever they send; nobody writes with a refused payload.
          if (!asPower || mustWriteNothing(verb, sent)) expect(await stable()).toEqual(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('random raw values in place of the invoke value, and as Action.Submit data', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, fc.constantFrom(...VERBS), async (value, verb) => {
        const before = await stable();
        const a = await h.post(h.activity(power, { type: 'invoke', name: 'adaptiveCard/action', value }));
        expect(a.status).toBeLessThan(500);
        expect(await stable()).toEqual(before); // no verb: nothing can have run
        const submitted = { verb, data: value, nested: value };
        const b = await h.submit(power, submitted);
        expect(b.status).toBeLessThan(500);
        if (mustWriteNothing(verb, submitted)) expect(await stable()).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });

  it('command texts with random noise around them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EXAMPLES),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        async (example, prefix, suffix, asPower) => {
          const before = await stable();
          const text = `${prefix}${example}${suffix}`.slice(0, 2000) || '?';
          const r = await h.say(asPower ? power : nobody, text);
          expect(r.status).toBeLessThan(500);
          expect(r.texts.length + r.cards.length).toBeGreaterThan(0);
          // A command may legitimately write (a feature's own command); without a role, or with a CPR
          // number or no known command in the text, nothing is written.
          const known = router.commandFor(text) !== undefined;
          if (!asPower || !known || fieldsWithCpr(text, new Date()).length > 0) expect(await stable()).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('non-JSON and oversized bodies are refused before any parsing or processing', async () => {
    const before = await stable();
    const post = (body: string, contentType: string) =>
      fetch(`${h.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body }).then(
        async (r) => (await r.text(), r.status),
      );
    const boundary = 'x-boundary';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.sh"\r\n\r\necho hi\r\n--${boundary}--\r\n`;
    expect(await post(multipart, `multipart/form-data; boundary=${boundary}`)).toBe(400);
    expect(await post('type=message&text=hi', 'application/x-www-form-urlencoded')).toBe(400);
    expect(await post('{"type": "message", ', 'application/json')).toBe(400);
    expect(await post('', 'application/json')).toBe(400);
    expect(await post('null', 'application/json')).toBe(400);
    expect(await post(JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }), 'application/json')).toBe(413);
    expect(await stable()).toEqual(before);
  });

  it('malformed activities of every kind', async () => {
    const activity = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom(
            'message',
            'invoke',
            'installationUpdate',
            'conversationUpdate',
            'messageReaction',
            'event',
            'typing',
          ),
          fc.string(),
          fc.integer(),
        ),
        name: fc.oneof(
          fc.constantFrom('adaptiveCard/action', 'task/fetch', 'composeExtension/query', 'signin/verifyState'),
          fc.string(),
        ),
        text: fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 2 })),
        value: fc.jsonValue({ maxDepth: 3 }),
        action: fc.oneof(fc.constantFrom('add', 'remove', 'add-upgrade'), fc.jsonValue({ maxDepth: 1 })),
        from: fc.oneof(
          fc.constant({ id: power.botUserId, aadObjectId: power.aadObjectId }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        conversation: fc.oneof(
          fc.constant({ id: h.personalConversationId(power), tenantId: TEST_TENANT }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        channelData: fc.jsonValue({ maxDepth: 3 }),
        locale: fc.oneof(fc.constantFrom('da-DK', 'en-US'), fc.string({ maxLength: 40 })),
        replyToId: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(activity, fc.boolean(), async (fields, keepEnvelope) => {
        const body = keepEnvelope ? h.activity(power, fields) : { serviceUrl: h.connector.url, ...fields };
        const r = await h.post(body);
        expect(r.status).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    const health = await fetch(`${h.app.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

function nested(depth: number): unknown {
  let v: unknown = '010165-1234';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}
