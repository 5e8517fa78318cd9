import { previewsSettled } from '../../bot/features/digest/preview';
import { BotHarness, TEST_TENANT, cardText, type TestUser } from '../harness/bot-harness';
import type { CapturedCall } from '../harness/capturing-connector';
import type { AdaptiveCard } from '../../cards/types';

/**
 * Issue 12 item 6: 1:1 messages go to the user's current personal chat, the one they last wrote
 * from, and when Teams says that chat is gone (403/404) the bot opens a new one and keeps it. Driven
 * with the leader's digest preview ("vis ugerapport"), which is sent proactively with sendToUser.
 */
describe("a user's current 1:1 chat", () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A team channel where the leader asks; the preview itself comes 1:1. */
  const channel = {
    kind: 'channel' as const,
    conversationId: '19:ledelse@thread.tacv2;messageid=1',
    teamId: '19:jobcenter-general@thread.tacv2',
    channelId: '19:ledelse@thread.tacv2',
  };

  async function askForPreview(user: TestUser): Promise<CapturedCall[]> {
    const since = h.connector.calls.length;
    const r = await h.say(user, 'vis ugerapport', channel);
    expect(r.texts[0]).toContain('sender den til dig i en privat chat');
    await previewsSettled();
    return h.connector.calls.slice(since);
  }

  /** Digest previews delivered into `conversationId` (botbuilder sends proactive messages as replies). */
  const previewsIn = (calls: CapturedCall[], conversationId: string): AdaptiveCard[] =>
    calls
      .filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.status < 300 && c.conversationId === conversationId)
      .flatMap((c) => (c.body.attachments as { content: AdaptiveCard }[] | undefined) ?? [])
      .map((a) => a.content)
      .filter((card) => cardText(card).includes('Ugerapport'));

  it('is the newer chat when the user has an old and a newer one', async () => {
    const lea = await h.userWithRoles('Lea Leder', ['leder']);
    const old = h.personalConversationId(lea);
    const newer = `a:reinstalled-${lea.aadObjectId}`;
    await h.install(lea); // the first personal chat
    await h.install(lea, { conversationId: newer }); // Teams after a reinstall (or a new Playground session)
    await h.say(lea, 'hjælp', { conversationId: newer });
    const calls = await askForPreview(lea);
    expect(previewsIn(calls, newer)).toHaveLength(1);
    expect(previewsIn(calls, old)).toHaveLength(0);

    // Writing from the old chat again makes that one current: "current" follows the user.
    await h.say(lea, 'hjælp', { conversationId: old });
    const back = await askForPreview(lea);
    expect(previewsIn(back, old)).toHaveLength(1);
    expect(previewsIn(back, newer)).toHaveLength(0);
  });

  it('opens a new 1:1 chat when Teams answers 404 for the stored one, and keeps using it', async () => {
    const leo = await h.userWithRoles('Leo Leder', ['leder']);
    const stored = h.personalConversationId(leo);
    await h.install(leo);
    h.connector.injectFailures({ status: 404, pathIncludes: stored });
    const calls = await askForPreview(leo);
    const refused = calls.filter((c) => c.conversationId === stored && c.status === 404);
    expect(refused).toHaveLength(1);
    const created = calls.filter((c) => c.kind === 'create' && c.status < 300 && c.body.isGroup === false);
    expect(created).toHaveLength(1);
    expect((created[0]!.body.members as { id: string }[])[0]?.id).toBe(leo.botUserId);
    const opened = created[0]!.conversationId;
    expect(previewsIn(calls, opened)).toHaveLength(1);

    // Remembered: the next 1:1 message goes straight to the new chat, without opening another.
    const current = await h.services.directory.getPersonalInstallation(TEST_TENANT, leo.aadObjectId);
    expect(current).toMatchObject({ conversationId: opened, scope: 'personal', userId: leo.aadObjectId });
    expect(await h.services.directory.getInstallation(TEST_TENANT, stored)).toBeUndefined();
    const since = h.connector.calls.length;
    const sent = await h.services.notifier.sendToUser(TEST_TENANT, leo.aadObjectId, { text: 'Hej igen' });
    expect(sent).toMatchObject({ status: 'sent', conversationId: opened });
    expect(h.connector.calls.slice(since).map((c) => [c.kind, c.conversationId])).toEqual([['reply', opened]]);
  });
});
