import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';

/**
 * The local chat a developer gets from `npm start`: Fremdrift behind the Microsoft 365 Agents
 * Playground, driven in headless Chromium. The Playground always sends locale en-US, so the bot
 * answers in English here (Danish replies are covered by the HTTP tests).
 */
describe('local chat in the Agents Playground', () => {
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start();
    s = await pg.open();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  it('greets on install, and tells a user without a role to ask their admin', async () => {
    await s.openPersonalChat();
    await s.waitForText('Welcome to Fremdrift');
    await s.waitForText(/You do not have a role yet/);

    await s.send('hjælp');
    await s.waitForText(/Ask your admin for a role/);
    await s.waitForText(`Your Entra id is: ${pg.user.aadObjectId}`);
    await s.screenshot('playground-help-without-role');
  });

  it("shows the help card of the user's role once granted, and runs a command from its buttons", async () => {
    await pg.grantRoles(['admin']);
    await s.send('hjælp');
    await s.waitForText('What can I help with?');
    await s.waitForText('Grant and revoke roles');
    await s.screenshot('playground-help-admin');

    await s.clickCardButton('roles');
    await s.waitForText('Roles in Fremdrift');
    await s.waitForText(pg.user.name, { atLeast: 2 });
  });

  it('greets a team on install from a channel, remembers the channel, and answers an @mention there', async () => {
    await s.openChannel('General');
    await s.waitForText(/In a channel, mention me/);
    const page = await pg.services.directory.listInstallations(pg.tenantId, { maxItemCount: 10 });
    expect(page.items.filter((i) => i.scope === 'team').map((i) => i.selectedChannelId)).toEqual(['team-id']);

    const before = await s.countText('What can I help with?');
    await s.send('help');
    await s.waitForText('What can I help with?', { atLeast: before + 1 });
    await s.screenshot('playground-channel-help');
  });
});
