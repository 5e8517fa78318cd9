import { ManualClock } from '../../bot/domain/clock';
import { dailyNudgeJob } from '../../bot/features/nudge/daily-nudge';
import { handoverNoticeJob } from '../../bot/features/visitation/handover-notices';
import { DigestSubscriptionRepository } from '../../bot/store/digest-subscription-repository';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser, type Where } from '../harness/bot-harness';
import type { CapturedCall } from '../harness/capturing-connector';
import { handedOverCase } from '../case/fixtures';
import { installIn, municipality, seed, team } from '../digest/digest-seed';
import { documentsOf } from '../privacy/fixtures';
import { click, completeScreening } from '../screening/screening-driver';

/**
 * Issue 13 item 1: a language per user. Teams' locale is the default; `sprog dansk` / `language
 * english` (or the button on the welcome and help cards) changes it; it is stored on the user and
 * used for everything sent to them, proactive messages included. A channel's digest has its own
 * language, Danish unless asked otherwise. Real server over HTTP, embedded Cosmos.
 */
describe('a language per user', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const languageOfStored = async (u: TestUser) =>
    (await h.services.directory.getUser(u.tenantId, u.aadObjectId))?.language;
  const button = (card: AdaptiveCard | undefined, title: string) => {
    const found = actionsOf(card).find((a) => a.title === title);
    if (found === undefined) throw new Error(`No button "${title}" on:\n${cardText(card)}`);
    return found;
  };
  /** Cards the bot sent into a user's 1:1 chat since call index `since` (proactive messages). */
  const cardsTo = (u: TestUser, since: number): AdaptiveCard[] =>
    h.connector
      .sentSince(since)
      .filter((c) => c.conversationId === h.personalConversationId(u))
      .flatMap((c) => ((c.body.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((a) => a.content));

  it('lets a user whose Teams is English choose Danish from the help card, and answers in Danish from then on', async () => {
    const jo = await h.userWithRoles('Jo', ['jobformidler'], { locale: 'en-US' });
    const help = await h.say(jo, 'help');
    expect(cardText(help.cards[0])).toContain('What can I help with?');
    const toDanish = button(help.cards[0], 'På dansk');
    expect(toDanish).toMatchObject({ verb: 'command.run', data: { command: 'sprog dansk' } });

    const chosen = await h.execute(jo, toDanish.verb, toDanish.data);
    expect(cardText(chosen.card)).toContain('Fremdrift skriver nu på dansk til dig');
    expect(cardText(chosen.card)).toContain('også de beskeder, der kommer af sig selv');
    expect(actionsOf(chosen.card).map((a) => a.title)).toEqual(['Hjælp', 'In English']);
    expect(await languageOfStored(jo)).toBe('da');

    // Teams still sends en-US on every activity; the user's choice wins.
    expect(cardText((await h.say(jo, 'help')).cards[0])).toContain('Hvad kan jeg hjælpe med?');
    expect(cardText((await h.say(jo, 'my citizens')).cards[0])).toContain('Mine borgere');
    const welcome = await h.install(jo);
    expect(cardText(welcome.cards[0])).toContain('Velkommen til Fremdrift');
    expect(actionsOf(welcome.cards[0]).map((a) => a.title)).toEqual([
      'Mine borgere',
      'Virksomheder',
      'Hjælp',
      'In English',
    ]);
    expect((await h.say(jo, 'hvad er klokken')).texts).toEqual([
      'Det forstod jeg ikke. Skriv "hjælp" for at se, hvad jeg kan hjælpe med.',
    ]);
    expect(cardText((await h.say(jo, 'sprog')).cards[0])).toContain('Det har du selv valgt.');

    const back = await h.say(jo, 'language english');
    expect(cardText(back.cards[0])).toContain('Fremdrift now writes to you in English');
    expect(cardText((await h.say(jo, 'hjælp')).cards[0])).toContain('What can I help with?');
    expect(await languageOfStored(jo)).toBe('en');
  });

  it('follows Teams until the user chooses, and says so', async () => {
    const ea = await h.userWithRoles('Ea', ['screener'], { locale: 'en-GB' });
    const status = await h.say(ea, 'language');
    expect(cardText(status.cards[0])).toContain('Fremdrift writes to you in English');
    expect(cardText(status.cards[0])).toContain('It follows the language of your Teams.');
    expect(await languageOfStored(ea)).toBeUndefined();
  });

  it('works in a channel, in a group chat and for a user without a role', async () => {
    const lea = await h.userWithRoles('Lea', ['leder']);
    const channel: Where = {
      kind: 'channel',
      teamId: '19:lang-team@thread.tacv2',
      channelId: '19:lang-chan@thread.tacv2',
      conversationId: '19:lang-chan@thread.tacv2;messageid=1',
    };
    const inChannel = await h.say(lea, 'sprog engelsk', channel);
    expect(cardText(inChannel.cards[0])).toContain('Fremdrift now writes to you in English');
    expect(await languageOfStored(lea)).toBe('en');
    const inGroup = await h.say(lea, 'skift sprog til dansk', {
      kind: 'groupChat',
      conversationId: '19:lang@thread.v2',
    });
    expect(cardText(inGroup.cards[0])).toContain('Fremdrift skriver nu på dansk til dig');

    const ny = h.user('Ny Kollega');
    const welcome = await h.install(ny);
    expect(cardText(welcome.cards[0])).toContain('Du har endnu ingen rolle');
    const toEnglish = button(welcome.cards[0], 'In English');
    const chosen = await h.execute(ny, toEnglish.verb, toEnglish.data);
    expect(cardText(chosen.card)).toContain('Fremdrift now writes to you in English');
    const help = await h.say(ny, 'hjælp');
    expect(cardText(help.cards[0])).toContain('Ask your admin for a role');
    expect(actionsOf(help.cards[0]).map((a) => a.title)).toEqual(['På dansk']);
  });

  it('does not guess a language it does not offer, and writes nothing', async () => {
    const bo = await h.userWithRoles('Bo', ['jobformidler']);
    await h.say(bo, 'hjælp'); // records Bo; the next turn changes nothing
    const before = await documentsOf(h.services, ['directory']);
    const r = await h.say(bo, 'sprog fransk');
    expect(r.texts).toEqual(['Det forstod jeg ikke. Skriv "hjælp" for at se, hvad jeg kan hjælpe med.']);
    expect(await documentsOf(h.services, ['directory'])).toEqual(before);
  });

  describe('proactive messages are written in the recipient’s language, not the sender’s', () => {
    const basics = { group: 'G1_INTERVENTION', conversationAt: '2026-03-10', rationale: 'READY_FOR_ORDINARY_HOURS' };

    async function handOver(screener: TestUser, jobformidler: TestUser): Promise<AdaptiveCard[]> {
      clock.set(new Date('2026-03-02T09:00:00Z'));
      const { card } = await completeScreening(h, screener);
      clock.set(new Date('2026-03-10T10:00:00Z'));
      const open = await click(h, screener, card, 'visitation.open');
      const step2 = await click(h, screener, open.card, 'visitation.next', basics);
      const since = h.connector.calls.length;
      await click(h, screener, step2.card, 'visitation.save', {
        jobformidlerId: jobformidler.aadObjectId,
        firstJobConversationAt: '2026-03-17',
      });
      return cardsTo(jobformidler, since);
    }

    it('a handover notice: English to a jobformidler who chose English, Danish to one who did not choose', async () => {
      const anna = await h.userWithRoles('Anna Screener', ['screener']); // Danish Teams
      const jens = await h.userWithRoles('Jens', ['jobformidler']); // Danish Teams, chooses English
      await h.install(jens);
      await h.say(jens, 'language english');
      const toJens = await handOver(anna, jens);
      expect(toJens).toHaveLength(1);
      expect(cardText(toJens[0])).toContain('A new citizen for you');
      expect(cardText(toJens[0])).toContain('17 March 2026');

      const sam = await h.userWithRoles('Sam Screener', ['screener'], { locale: 'en-US' }); // English
      const mia = await h.userWithRoles('Mia', ['jobformidler']); // Danish Teams, no choice
      await h.install(mia);
      const toMia = await handOver(sam, mia);
      expect(toMia).toHaveLength(1);
      expect(cardText(toMia[0])).toContain('Ny borger til dig');
      expect(cardText(toMia[0])).toContain('17. marts 2026');
    });

    it('a handover notice Teams refused at first is retried in the recipient’s language too', async () => {
      const anna = await h.userWithRoles('Anne Screener', ['screener']); // Danish
      const rune = await h.userWithRoles('Rune', ['jobformidler']); // Danish Teams, chooses English
      await h.install(rune);
      await h.say(rune, 'language english');
      // Throttled: the connector library repeats a 429 with Retry-After three times by itself.
      const throttled = { status: 429, retryAfterSeconds: 0, pathIncludes: h.personalConversationId(rune) };
      h.connector.injectFailures(throttled, throttled, throttled, throttled);
      expect(await handOver(anna, rune)).toHaveLength(0);
      clock.set(new Date('2026-03-10T10:05:00Z'));
      const since = h.connector.calls.length;
      await handoverNoticeJob(h.services).run(clock.now());
      const retried = cardsTo(rune, since);
      expect(retried).toHaveLength(1);
      expect(cardText(retried[0])).toContain('A new citizen for you');
    });

    it('the daily nudge: in the language each jobformidler chose, or their Teams language', async () => {
      clock.set(new Date('2025-03-10T07:05:00Z')); // Monday 08:05 in Copenhagen
      const kim = await h.userWithRoles('Kim', ['jobformidler']); // Danish Teams, chooses English
      const eva = await h.userWithRoles('Eva', ['jobformidler'], { locale: 'en-US' }); // English Teams, chooses Danish
      const ulf = await h.userWithRoles('Ulf', ['jobformidler'], { locale: 'en-US' }); // English Teams, no choice
      for (const u of [kim, eva, ulf]) await h.install(u);
      await h.say(kim, 'language english');
      await h.say(eva, 'sprog dansk');
      for (const [u, ref] of [
        [kim, 'LANG-KIM'],
        [eva, 'LANG-EVA'],
        [ulf, 'LANG-ULF'],
      ] as const)
        await handedOverCase(h.services, u, { caseRef: ref, conversationAt: '2025-01-10', status: 'ACTIVE' });

      const since = h.connector.calls.length;
      await dailyNudgeJob(h.services).run(clock.now());
      const toKim = cardText(cardsTo(kim, since));
      const toEva = cardText(cardsTo(eva, since));
      expect(cardsTo(kim, since)).toHaveLength(1);
      expect(toKim).toContain('Good morning – follow-ups today');
      expect(toKim).toContain('1 of your citizens is due for follow-up today or overdue');
      expect(toKim).toContain('Follow-up overdue by 17 days');
      expect(toEva).toContain('Godmorgen – opfølgninger i dag');
      expect(toEva).toContain('1 af dine borgere skal følges op i dag eller er overskredet');
      expect(toEva).toContain('Tid til progressionsmåling');
      // Ulf never chose: the language Teams last sent for him.
      expect(cardText(cardsTo(ulf, since))).toContain('Good morning – follow-ups today');
    });
  });

  describe("a channel's digest has its own language", () => {
    const jobcenter = team('sprog');
    const digestThreads = (since: number): CapturedCall[] =>
      h.connector.calls
        .slice(since)
        .filter(
          (c) =>
            c.kind === 'create' &&
            c.status < 300 &&
            (c.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id === jobcenter.channelId,
        );
    const digestText = (call: CapturedCall | undefined): string =>
      cardText(((call?.body.activity as { attachments: { content: AdaptiveCard }[] }).attachments[0] ?? {}).content);

    beforeAll(async () => {
      await seed(h, municipality(TEST_TENANT));
    });

    it('a Danish command from a leader whose Teams is English gives a Danish digest; "in English" changes only the language', async () => {
      clock.set(new Date('2025-04-07T05:00:00Z')); // Monday 07:00 in Copenhagen
      const leo = await h.userWithRoles('Leo', ['leder'], { locale: 'en-US' });
      await installIn(h, leo, jobcenter);
      const subscribed = await h.say(leo, 'abonnér på ugerapport torsdag kl. 9', jobcenter.where());
      // Leo reads the answer in his language; the channel gets Danish.
      expect(subscribed.texts[0]).toContain('every Thursday at 09:00 (Danish time) in Danish');
      expect(subscribed.texts[0]).toContain('Write "@Fremdrift subscribe to weekly digest in English"');
      const repo = new DigestSubscriptionRepository(h.services.store);
      expect(await repo.get(TEST_TENANT, jobcenter.channelId)).toMatchObject({ locale: 'da', weekday: 4 });

      clock.set(new Date('2025-04-10T07:30:00Z')); // Thursday 09:30
      let since = h.connector.calls.length;
      await h.app.scheduler.runAllOnce();
      const danish = digestText(digestThreads(since)[0]);
      expect(danish).toContain('Ugerapport · uge 15');
      expect(danish).toContain(
        'Kanalen får ugerapporten hver torsdag kl. 09:00 på dansk. Skriv "@Fremdrift abonnér på ugerapport på engelsk" for at få den på engelsk.',
      );
      expect(danish).not.toContain('Weekly digest');

      const changed = await h.say(leo, 'subscribe to weekly digest in english', jobcenter.where('2'));
      expect(changed.texts[0]).toContain('every Thursday at 09:00 (Danish time) in English');
      expect(await repo.get(TEST_TENANT, jobcenter.channelId)).toMatchObject({
        locale: 'en',
        weekday: 4,
        time: '09:00',
      });

      clock.set(new Date('2025-04-17T07:30:00Z')); // next Thursday 09:30
      since = h.connector.calls.length;
      await h.app.scheduler.runAllOnce();
      const english = digestText(digestThreads(since)[0]);
      expect(english).toContain('Weekly digest · week 16');
      expect(english).toContain('The channel gets this digest every Thursday at 09:00 (Danish time) in English.');
      expect(english).not.toContain('Ugerapport');
    });
  });
});
