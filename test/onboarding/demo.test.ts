import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadConfig, offersDemo } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { openStore, type Store } from '../../bot/store/cosmos-store';
import { demoBuild } from '../../bot/features/demo/start-demo';
import { PLAYGROUND_OTHER_USERS } from '../../bot/local/playground-config';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { documentsOf } from '../privacy/fixtures';

/**
 * "Prøv med et demo-jobcenter" (issue 13 item 4): offered on the welcome card of the local trial only
 * (embedded store, not production, an admin, no case yet); the click is answered at once, the demo
 * municipality is recorded through the app's own use cases in the background, and a card in the 1:1
 * chat says where to start.
 */
const OFFER = 'Prøv med et demo-jobcenter';

describe('the demo jobcentre is decided from configuration', () => {
  const env = (extra: Record<string, string>) => loadConfig({ DATA_DIR: '/tmp/x', ...extra });
  it('is offered on the embedded store, never with Azure Cosmos DB or in production', () => {
    expect(offersDemo(env({}))).toBe(true);
    expect(offersDemo(env({ NODE_ENV: 'test' }))).toBe(true);
    expect(offersDemo(env({ COSMOS_ENDPOINT: 'https://fremdrift.documents.azure.com:443/' }))).toBe(false);
    // Production needs COSMOS_ENDPOINT anyway; the rule does not rely on that.
    expect(offersDemo({ COSMOS_ENDPOINT: undefined, NODE_ENV: 'production' })).toBe(false);
  });
});

describe('the demo jobcentre over HTTP, on the local embedded store', () => {
  let h: BotHarness;
  const adminId = '0d0d0d0d-0000-4000-8000-00000000000d';
  let admin: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_AAD_OBJECT_IDS: adminId } });
    admin = h.user('Alex Wilber', { aadObjectId: adminId });
  });
  afterAll(async () => {
    await demoBuild(h.services, TEST_TENANT);
    await h?.stop();
  });

  it('is not offered to a user without the admin role', async () => {
    const screener = await h.userWithRoles('Sofie', ['screener']);
    const welcome = await h.install(screener);
    expect(cardText(welcome.cards[0])).toContain('Velkommen til Fremdrift');
    expect(cardText(welcome.cards[0])).not.toContain(OFFER);
    const refused = await h.execute(screener, 'demo.start');
    expect(cardText(refused.card)).toContain('Det har din rolle ikke adgang til');
  });

  it('offers the first admin the demo, answers the click at once and posts where to start when it is built', async () => {
    const welcome = await h.install(admin);
    expect(cardText(welcome.cards[0])).toContain(OFFER);
    const offer = actionsOf(welcome.cards[0]).find((a) => a.title === OFFER);
    expect(offer?.verb).toBe('demo.start');

    const since = h.connector.calls.length;
    const clicked = Date.now();
    const started = await h.execute(admin, 'demo.start', offer!.data);
    const answeredMs = Date.now() - clicked;
    expect(cardText(started.card)).toContain('Demo-jobcentret bygges');
    // The turn did not wait for the build: it is still under way when the click is answered.
    expect(demoBuild(h.services, TEST_TENANT)).toBeDefined();
    // A second click while it is being built starts nothing more.
    const again = await h.execute(admin, 'demo.start', offer!.data);
    expect(cardText(again.card)).toContain('er ved at blive bygget');

    await demoBuild(h.services, TEST_TENANT);
    const builtMs = Date.now() - clicked;
    process.stdout.write(`demo: click answered in ${answeredMs} ms, built in ${builtMs} ms\n`);

    // One message when it is built (the click itself is answered in the invoke response): the months of
    // history it records, handovers to the user among them, do not each post a message now.
    const posted = h.connector.calls.slice(since);
    expect(posted.map((c) => c.conversationId)).toEqual([h.personalConversationId(admin)]);
    const ready = posted[0];
    const readyText = cardText(ready?.body);
    expect(readyText).toContain('Demo-jobcentret er klar');
    expect(readyText).toContain('Screener, Jobformidler, Leder, Administrator');
    for (const colleague of ['Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez'])
      expect(readyText).toContain(colleague);
    expect(readyText).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // Every role for the person who clicked; the colleagues by name, with their roles.
    expect((await h.services.directory.getUser(TEST_TENANT, adminId))?.roles.sort()).toEqual(
      ['admin', 'jobformidler', 'leder', 'screener'].sort(),
    );
    const megan = await h.services.directory.getUser(TEST_TENANT, PLAYGROUND_OTHER_USERS[0]!.aadObjectId);
    expect(megan).toMatchObject({ displayName: 'Megan Bowen', roles: ['jobformidler'] });

    // The buttons work: Mine borgere lists the demo citizens handed over to the user.
    const mine = actionsOf(ready?.body).find((a) => a.title === 'Mine borgere');
    const caseload = await h.execute(admin, 'command.run', mine!.data);
    expect(cardText(caseload.card)).toContain('Mine borgere');
    expect(cardText(caseload.card)).toMatch(/DEMO-1-\d{5}/);
  }, 240_000);

  it('is neither offered nor built again once Fremdrift has cases', async () => {
    const welcome = await h.say(admin, 'velkommen');
    expect(cardText(welcome.cards[0])).not.toContain(OFFER);
    const before = await documentsOf(h.services);
    const r = await h.execute(admin, 'demo.start');
    expect(cardText(r.card)).toContain('Der er allerede sager i Fremdrift');
    expect(await documentsOf(h.services)).toEqual(before);
  });
});

describe('the demo jobcentre where the store is Azure Cosmos DB', () => {
  let h: BotHarness;
  let store: Store;
  let dataDir: string;
  const adminId = '0e0e0e0e-0000-4000-8000-00000000000e';
  beforeAll(async () => {
    // The app is told it runs on Azure (COSMOS_ENDPOINT set); the documents go to a local store it is handed.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-demo-azure-'));
    store = await openStore(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }), createLogger('silent'), {
      persist: false,
    });
    h = await BotHarness.start({
      env: { ADMIN_AAD_OBJECT_IDS: adminId, COSMOS_ENDPOINT: 'https://fremdrift.documents.azure.com:443/' },
      startOptions: { sharedStore: store },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is not offered on an empty store, and the button refuses and writes nothing', async () => {
    const admin = h.user('Alex Wilber', { aadObjectId: adminId });
    const welcome = await h.install(admin);
    expect(cardText(welcome.cards[0])).toContain('Velkommen til Fremdrift');
    expect(cardText(welcome.cards[0])).not.toContain(OFFER);
    const before = await documentsOf(h.services);
    const r = await h.execute(admin, 'demo.start');
    expect(cardText(r.card)).toContain('kun i den lokale prøveversion');
    expect(await documentsOf(h.services)).toEqual(before);
    expect(demoBuild(h.services, TEST_TENANT)).toBeUndefined();
  });
});
