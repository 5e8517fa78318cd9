import { ManualClock } from '../../bot/domain/clock';
import { DigestSubscriptionRepository } from '../../bot/store/digest-subscription-repository';
import { PLAYGROUND_CHANNEL_ID, PLAYGROUND_TEAM } from '../../bot/local/playground-config';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';
import { municipality } from './digest-seed';

/**
 * In the Agents Playground (it sends locale en-US, so the bot answers in English): a leader
 * subscribes the team's "Ledelse" channel, the scheduled job posts the digest there as a new thread
 * with the seeded municipality's figures, and a preview arrives in the leader's personal chat.
 */
describe('weekly digest in the Agents Playground', () => {
  const clock = new ManualClock(new Date('2025-04-07T05:00:00Z'));
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ clock });
    await pg.grantRoles(['leder']);
    const data = municipality(pg.tenantId);
    for (const c of data.cases) await pg.services.store.containers.cases.items.upsert(c);
    for (const x of data.sensitive) await pg.services.store.containers.sensitive.items.upsert(x);
    s = await pg.open();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  it('lets the leader subscribe the channel by @mention', async () => {
    await s.openChannel(PLAYGROUND_TEAM.channelName);
    // A channel's digest is Danish unless the leader asks for English (test/language covers the default).
    await s.send('subscribe to weekly digest in English');
    await s.waitForText(
      /The channel now gets the weekly digest for the whole municipality every Monday at 08:00 \(Danish time\) in English/,
    );
    const sub = await new DigestSubscriptionRepository(pg.services.store).get(pg.tenantId, PLAYGROUND_CHANNEL_ID);
    expect(sub).toMatchObject({ active: true, teamId: PLAYGROUND_TEAM.id, locale: 'en' });
  });

  it('posts the digest in the channel at Monday 08:00 with the figures of the seeded municipality', async () => {
    clock.set(new Date('2025-04-07T06:05:00Z'));
    await pg.app.scheduler.runAllOnce();
    await s.waitForText('Weekly digest · week 15');
    await s.waitForText('63%');
    await s.waitForText(/Target: 40% · 10 of 16/);
    await s.waitForText(/job conversations were held in the last 4 weeks/);
    await s.screenshot('playground-digest-channel');
    // "What does the figure mean?": tapping the headline shows its definition.
    const definition = s.page.getByText(/Citizens in group 1 who on at least one day of the last 13 weeks/).last();
    expect(await definition.isVisible()).toBe(false);
    await s.step('open the definition', () =>
      s.page
        .getByText(/of group 1 in company-based activity over the last 3 months/)
        .last()
        .click(),
    );
    await definition.waitFor({ state: 'visible' });
    await s.screenshot('playground-digest-definition');
  });

  it('sends a preview to the leader privately, with the workload the channel does not get', async () => {
    await s.send('show weekly digest');
    await s.waitForText('I am making the weekly digest and will send it to you in a private chat in a moment.');
    await s.openPersonalChat();
    await s.waitForText('For you only: workload per jobformidler');
    await s.screenshot('playground-digest-preview');
  });
});
