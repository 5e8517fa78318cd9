import { ManualClock } from '../../bot/domain/clock';
import { DigestRunRepository } from '../../bot/store/digest-run-repository';
import { DigestSubscriptionRepository } from '../../bot/store/digest-subscription-repository';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, TEST_TENANT, assertCardValid, cardText } from '../harness/bot-harness';
import type { CapturedCall } from '../harness/capturing-connector';
import { previewsSettled } from '../../bot/features/digest/preview';
import { J1, installIn, municipality, seed, team, type Team } from './digest-seed';

/**
 * A leader subscribes a team channel in chat, the scheduled job posts the digest there as a new
 * thread with the right figures for a seeded municipality, and a preview goes 1:1 to the leader.
 * Real server over HTTP, embedded Cosmos, capturing Bot Framework connector.
 */
const MONDAY_0700_CPH = new Date('2025-04-07T05:00:00Z');
const MONDAY_0830_CPH = new Date('2025-04-07T06:30:00Z');

const cardOf = (call: CapturedCall): AdaptiveCard => {
  // A new thread carries its activity in the create call; a message into a chat is the body itself.
  const activity = (call.kind === 'create' ? call.body.activity : call.body) as {
    attachments: { content: AdaptiveCard }[];
  };
  const card = activity.attachments[0]?.content;
  if (card === undefined) throw new Error('no card');
  assertCardValid(card);
  return card;
};

/** New channel threads the bot started in `channelId` since call index `since`. */
const threadsIn = (h: BotHarness, channelId: string, since = 0): CapturedCall[] =>
  h.connector.calls
    .slice(since)
    .filter(
      (c) =>
        c.kind === 'create' &&
        c.status < 300 &&
        (c.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id === channelId,
    );

describe('weekly digest in a team channel', () => {
  let h: BotHarness;
  const clock = new ManualClock(MONDAY_0700_CPH);
  const ledelse: Team = team('jobcenter');

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    await seed(h, municipality(TEST_TENANT));
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('lets a leader subscribe the channel, with the default Monday 08:00 in Danish', async () => {
    const lea = await h.userWithRoles('Lea Leder', ['leder']);
    await installIn(h, lea, ledelse);
    const r = await h.say(lea, 'abonnér på ugerapport', ledelse.where());
    expect(r.texts).toHaveLength(1);
    expect(r.texts[0]).toContain('Kanalen får nu ugerapporten for hele kommunen hver mandag kl. 08:00');
    expect(r.texts[0]).toContain('på dansk');
    expect(r.texts[0]).toContain('Første gang: mandag 7. april kl. 08.00.');
    const saved = await new DigestSubscriptionRepository(h.services.store).get(TEST_TENANT, ledelse.channelId);
    expect(saved).toMatchObject({ active: true, scope: 'municipality', weekday: 1, time: '08:00', locale: 'da' });
  });

  it('posts nothing before the slot, then exactly one digest as a new thread with the right figures', async () => {
    const since = h.connector.calls.length;
    await h.app.scheduler.runAllOnce();
    expect(threadsIn(h, ledelse.channelId, since)).toHaveLength(0);

    clock.set(MONDAY_0830_CPH);
    await h.app.scheduler.runAllOnce();
    await h.app.scheduler.runAllOnce();
    const threads = threadsIn(h, ledelse.channelId, since);
    expect(threads).toHaveLength(1);
    const text = cardText(cardOf(threads[0]!));
    expect(text).toContain('Ugerapport · uge 15');
    expect(text).toContain('Hele kommunen · tal til og med søndag den 6. april 2025');
    expect(text).toContain('63 %');
    expect(text).toContain('Mål: 40 % · 10 af 16');
    expect(text).toContain('Uændret siden sidste uge');
    expect(text).toContain('🎉 16 jobsamtaler er gennemført de seneste 4 uger.');
    // Everyone has a CV: 16 of 16 would tell that nobody lacks one, so the share is hidden (complement 0 < 5).
    expect(text).toMatch(/Borgere med CV\n–/);
    // No staff-level numbers and no case references in the channel.
    expect(text).not.toMatch(/FR-\d|arbejdsbyrde|Lea Leder/);
  });

  it("stores the thread, every attempt and the week's aggregates in runs, and audits one read", async () => {
    const subscription = await new DigestSubscriptionRepository(h.services.store).get(TEST_TENANT, ledelse.channelId);
    const runs = new DigestRunRepository(h.services.store);
    const run = await runs.getRun(TEST_TENANT, subscription!.id, '2025-W15');
    expect(run).toMatchObject({ status: 'sent', trigger: 'schedule', cases: 16 });
    expect(run?.activityId).toMatch(/^\d+$/);
    expect(run?.conversationId).toBe(`${ledelse.channelId};messageid=${run?.activityId}`);
    expect(run?.attempts).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    const snapshot = await runs.getSnapshot(TEST_TENANT, 'municipality', '2025-W15');
    expect(snapshot?.aggregates.m1.share).toEqual({ numerator: 10, denominator: 16 });
    expect(JSON.stringify(snapshot)).not.toMatch(/FR-\d|aaaaaaaa-/);

    const audit = await h.services.audit.listSince(TEST_TENANT, new Date('2025-04-07T00:00:00Z'), {
      maxItemCount: 100,
    });
    const reads = audit.items.filter((e) => e.action === 'digest.compute');
    expect(reads).toEqual([
      expect.objectContaining({ purpose: 'management_information', channel: 'system', kind: 'read', outcome: 'ok' }),
    ]);
    expect(reads[0]?.caseRef).toBeUndefined();
  });

  it('sends a preview 1:1 to the leader who asks, with workload the channel never sees', async () => {
    const lea = await h.userWithRoles('Lea Leder', ['leder']);
    await h.services.directory.setRoles(TEST_TENANT, J1, ['jobformidler'], 'test', clock.now(), 'Jonas Jobformidler');
    const since = h.connector.calls.length;
    const r = await h.say(lea, 'vis ugerapport', ledelse.where('2'));
    // The turn answers at once; the digest follows privately when it is built.
    expect(r.texts).toEqual(['Jeg laver ugerapporten og sender den til dig i en privat chat om et øjeblik.']);
    expect(r.cards).toHaveLength(0);
    await previewsSettled();
    const calls = h.connector.calls.slice(since);
    const chats = calls.filter((c) => c.kind === 'create' && c.status < 300 && c.body.isGroup === false);
    expect(chats).toHaveLength(1);
    expect((chats[0]?.body.members as { id: string }[])[0]?.id).toBe(lea.botUserId);
    const privateCards = calls.filter(
      (c) => (c.kind === 'send' || c.kind === 'reply') && c.conversationId === chats[0]?.conversationId,
    );
    expect(privateCards).toHaveLength(1);
    const text = cardText(cardOf(privateCards[0]!));
    expect(text).toContain('Kun til dig: arbejdsbyrde pr. jobformidler');
    expect(text).toContain('Jonas Jobformidler');
    expect(text).toContain('10 sager · 0 overskredet · 10 jobsamtaler i sidste uge');
    expect(text).toContain('63 %');
    const audit = await h.services.audit.listSince(TEST_TENANT, new Date('2025-04-07T00:00:00Z'), {
      maxItemCount: 100,
    });
    expect(audit.items.filter((e) => e.action === 'digest.preview')).toEqual([
      expect.objectContaining({ actorId: lea.aadObjectId, purpose: 'management_information', outcome: 'ok' }),
    ]);
  });

  it('explains every figure on "forklar ugerapport", in the channel too, for anyone with a role', async () => {
    const jo = await h.userWithRoles('Jo Jobformidler', ['jobformidler']);
    const r = await h.say(jo, 'forklar ugerapport', ledelse.where('3'));
    expect(r.cards).toHaveLength(1);
    const text = cardText(r.cards[0]!);
    expect(text).toContain('Sådan læses ugerapporten');
    // The definitions carry the municipality's own settings (the 40 % target of Flere skal med).
    expect(text).toContain('Målet er mindst 40 % (Flere skal med)');
    expect(text).toContain('Fidelitet pr. kerneelement (M21)');
    const en = await h.userWithRoles('Emma', ['leder']);
    await h.say(en, 'language english');
    expect(cardText((await h.say(en, 'explain weekly digest')).cards[0]!)).toContain('How to read the weekly digest');
    const nobody = h.user('Nina Ingen-rolle');
    expect((await h.say(nobody, 'forklar ugerapport')).cards.map(cardText).join(' ')).not.toContain(
      'Sådan læses ugerapporten',
    );
  });

  it('does not let a jobformidler subscribe or preview, and writes nothing', async () => {
    const jo = await h.userWithRoles('Jo', ['jobformidler']);
    const other = team('andet');
    await installIn(h, jo, other);
    const r = await h.say(jo, 'abonnér på ugerapport', other.where());
    expect(r.texts).toEqual([
      'Det har din rolle ikke adgang til. Spørg din administrator, hvis du mener, det er en fejl.',
    ]);
    expect(await new DigestSubscriptionRepository(h.services.store).get(TEST_TENANT, other.channelId)).toBeUndefined();
    const p = await h.say(jo, 'vis ugerapport', other.where('2'));
    expect(p.texts[0]).toContain('Det har din rolle ikke adgang til');
    expect(p.cards).toHaveLength(0);
  });

  it("answers a bad time or unknown words in the leader's language and writes nothing", async () => {
    const lea = await h.userWithRoles('Lea', ['leder']);
    const other = team('fejl');
    await installIn(h, lea, other);
    const bad = await h.say(lea, 'abonnér på ugerapport kl. 25:00', other.where());
    expect(bad.texts).toEqual(['Klokkeslættet "kl. 25:00" findes ikke. Skriv fx "kl. 8:00". Intet er gemt.']);
    const leo = await h.userWithRoles('Leo', ['leder'], { locale: 'en-GB' });
    const words = await h.say(leo, 'subscribe to weekly digest every fortnight', other.where('2'));
    expect(words.texts[0]).toContain('I did not understand: "every fortnight"');
    expect(await new DigestSubscriptionRepository(h.services.store).get(TEST_TENANT, other.channelId)).toBeUndefined();
    const personal = await h.say(lea, 'abonnér på ugerapport');
    expect(personal.texts[0]).toContain('Skriv det i den kanal, der skal have ugerapporten');
  });

  it("makes a team digest from the cases of the team's own members, in English when asked", async () => {
    const lea = await h.userWithRoles('Lea', ['leder']);
    const holdet = team('holdet');
    h.connector.setRoster(holdet.teamId, [{ aadObjectId: lea.aadObjectId }, { aadObjectId: J1 }]);
    await installIn(h, lea, holdet);
    const r = await h.say(lea, 'abonnér på ugerapport for teamet på engelsk', holdet.where());
    expect(r.texts[0]).toContain('for teamets borgere hver mandag kl. 08:00 (dansk tid) på engelsk');
    // Subscribed after this Monday's slot: the first digest comes next Monday.
    const since = h.connector.calls.length;
    await h.app.scheduler.runAllOnce();
    expect(threadsIn(h, holdet.channelId, since)).toHaveLength(0);
    clock.set(new Date('2025-04-14T06:05:00Z'));
    await h.app.scheduler.runAllOnce();
    const [thread] = threadsIn(h, holdet.channelId, since);
    const text = cardText(cardOf(thread!));
    expect(text).toContain('Weekly digest · week 16');
    expect(text).toContain("The team's citizens");
    expect(text).toContain('Target: 40% · 5 of 10');
  });

  it('stops when the leader unsubscribes', async () => {
    const lea = await h.userWithRoles('Lea', ['leder']);
    const r = await h.say(lea, 'afmeld ugerapport', ledelse.where('3'));
    expect(r.texts[0]).toContain('Kanalen får ikke længere ugerapporten');
    const again = await h.say(lea, 'afmeld ugerapport', ledelse.where('4'));
    expect(again.texts[0]).toContain('Kanalen abonnerer ikke på ugerapporten');
    const since = h.connector.calls.length;
    clock.set(new Date('2025-04-21T06:05:00Z'));
    await h.app.scheduler.runAllOnce();
    expect(threadsIn(h, ledelse.channelId, since)).toHaveLength(0);
  });
});
