import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadConfig, offersDemo } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { openStore, type Store } from '../../bot/store/cosmos-store';
import { demoBuild } from '../../bot/features/demo/start-demo';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { documentsOf, seedCase } from '../privacy/fixtures';

/**
 * "Prøv med et demo-jobcenter" (issue 13 item 4): offered on the welcome card of the local trial only
 * (embedded store, not production, an admin, no case yet), and refused elsewhere without writing
 * anything. Building it (answered at once, recorded through the app's own use cases, a card in the 1:1
 * chat when done) is shown once, in the browser test (test/onboarding/playground.test.ts).
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

  it('offers the first admin the demo on an empty store (the build itself: test/onboarding/playground.test.ts)', async () => {
    const welcome = await h.install(admin);
    expect(cardText(welcome.cards[0])).toContain('Dine roller: Administrator');
    expect(cardText(welcome.cards[0])).toContain(OFFER);
    expect(actionsOf(welcome.cards[0]).find((a) => a.title === OFFER)?.verb).toBe('demo.start');
  });

  it('is neither offered nor built once Fremdrift has cases', async () => {
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-REAL-0001' });
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
