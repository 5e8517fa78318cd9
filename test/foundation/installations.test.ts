import { randomUUID } from 'node:crypto';
import { classifyActivity } from '../../bot/teams/installation-capture';
import { InboundActivitySchema } from '../../bot/teams/activity-input';
import { BotHarness, TEST_TENANT } from '../harness/bot-harness';

const raw = (fields: Record<string, unknown>) =>
  InboundActivitySchema.parse({
    serviceUrl: 'http://127.0.0.1:1/',
    channelId: 'msteams',
    from: { id: '29:u' },
    recipient: { id: '28:bot' },
    conversation: { id: 'c1' },
    ...fields,
  });

describe('installation classification (pure)', () => {
  it.each([
    [{ type: 'installationUpdate', action: 'add' }, 'installed'],
    [{ type: 'installationUpdate', action: 'Add-Upgrade' }, 'installed'],
    [{ type: 'installationUpdate', action: 'remove' }, 'uninstalled'],
    [{ type: 'conversationUpdate', channelData: { eventType: 'teamDeleted' } }, 'team-deleted'],
    [{ type: 'conversationUpdate', channelData: { eventType: 'teamRestored' } }, 'team-restored'],
    [{ type: 'conversationUpdate', channelData: { eventType: 'channelCreated' } }, 'none'],
    [{ type: 'message' }, 'messaged'],
    [{ type: 'typing' }, 'none'],
  ])('%j → %s', (fields, expected) => {
    expect(classifyActivity(raw(fields))).toBe(expected);
  });
});

describe('installations are captured per tenant and removed on uninstall', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const installations = async () =>
    (await h.services.directory.listInstallations(TEST_TENANT, { maxItemCount: 100 })).items;

  it('stores a personal installation with the user, and removes it on uninstall', async () => {
    const u = h.user('Per');
    await h.install(u);
    const personal = await h.services.directory.getPersonalInstallation(TEST_TENANT, u.aadObjectId);
    expect(personal).toMatchObject({
      scope: 'personal',
      serviceUrl: h.connector.url,
      conversationId: h.personalConversationId(u),
    });
    await h.install(u, { action: 'remove' });
    expect(await h.services.directory.getPersonalInstallation(TEST_TENANT, u.aadObjectId)).toBeUndefined();
  });

  it('stores a team installation under the team with the channel chosen at install', async () => {
    const u = h.user('Lea');
    const teamId = `19:${randomUUID()}@thread.tacv2`;
    await h.install(u, {
      kind: 'channel',
      conversationId: teamId,
      teamId,
      channelId: teamId,
      selectedChannelId: '19:selected@thread.tacv2',
    });
    const team = (await installations()).find((i) => i.teamId === teamId);
    expect(team).toMatchObject({
      scope: 'team',
      conversationId: teamId,
      selectedChannelId: '19:selected@thread.tacv2',
    });
    // The team is deleted: the installation goes.
    const deleted = h.activity(
      u,
      {
        type: 'conversationUpdate',
        channelData: { tenant: { id: TEST_TENANT }, team: { id: teamId }, eventType: 'teamDeleted' },
      },
      { kind: 'channel', conversationId: teamId },
    );
    expect((await h.post(deleted)).status).toBe(200);
    expect((await installations()).find((i) => i.teamId === teamId)).toBeUndefined();
  });

  it('stores a group chat installation, and back-fills a conversation it missed the install of', async () => {
    const u = await h.userWithRoles('Gry', ['leder']);
    const chat = `19:${randomUUID()}@thread.v2`;
    await h.say(u, 'hjælp', { kind: 'groupChat', conversationId: chat });
    const found = await h.services.directory.getInstallation(TEST_TENANT, chat);
    expect(found).toMatchObject({ scope: 'groupChat', conversationId: chat });
  });

  it('keeps tenants apart: another tenant never sees these installations', async () => {
    const other = h.user('Ole', { tenantId: '22222222-2222-4222-8222-222222222222' });
    await h.install(other);
    const otherTenant = (await h.services.directory.listInstallations(other.tenantId, { maxItemCount: 100 })).items;
    expect(otherTenant.map((i) => i.userId)).toEqual([other.aadObjectId]);
    expect((await installations()).some((i) => i.userId === other.aadObjectId)).toBe(false);
  });
});
