import { BotHarness, TEST_TENANT, cardText } from '../harness/bot-harness';
import { FaultProxy } from '../harness/fault-proxy';

describe('the database goes away mid-conversation', () => {
  let h: BotHarness;
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    h = await BotHarness.start({
      startOptions: {
        store: {
          routeEndpoint: async (endpoint) => {
            const url = new URL(endpoint);
            proxy = new FaultProxy({ host: url.hostname, port: Number(url.port) });
            await proxy.start();
            return `http://127.0.0.1:${proxy.port}`;
          },
        },
      },
    });
  });
  afterAll(async () => {
    proxy?.restore();
    await h?.stop();
    await proxy?.stop();
  });

  it('tells the user to try again, writes nothing, and recovers when the store is back', async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    const staff = await h.userWithRoles('Staff', []);
    expect(cardText((await h.say(admin, 'roller')).cards[0])).toContain('Roller i Fremdrift');

    proxy!.cut();
    const during = await h.execute(admin, 'admin.roles.add', { newUserId: staff.aadObjectId, newRoles: 'leder' });
    expect(during.status).toBe(200);
    expect(cardText(during.card)).toMatch(/Prøv igen|prøv igen/);
    const health = await fetch(`${h.app.url}/healthz`);
    expect(health.status).toBe(503);

    proxy!.restore();
    expect((await h.services.directory.getUser(TEST_TENANT, staff.aadObjectId))?.roles).toEqual([]);
    const after = await h.execute(admin, 'admin.roles.add', { newUserId: staff.aadObjectId, newRoles: 'leder' });
    expect(cardText(after.card)).toContain('Roller for Staff er gemt: Leder.');
  });
});
