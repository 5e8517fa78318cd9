import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../bot/domain/clock';
import { DigestSubscriptionRepository } from '../../bot/store/digest-subscription-repository';
import { BotHarness, TEST_TENANT, type TestUser } from '../harness/bot-harness';
import type { InjectedFailure } from '../harness/capturing-connector';
import { J1, installIn, team } from '../digest/digest-seed';

/**
 * Issue 12 item 5: a proactive send that Teams refuses must not be reported as sent. botbuilder
 * hands an error thrown inside a `continueConversationAsync` callback to the adapter's onTurnError
 * (set by teams-ai's `app.error`) and returns normally, so each path must catch and re-throw.
 *
 * The connector library retries by itself before the app sees anything: @azure/core-rest-pipeline's
 * default retry policy (3 retries, so 4 requests) repeats a 429 or 503 that carries Retry-After,
 * and any 5xx except 501/505 with exponential backoff (0.5-1 s, 1-2 s, 2-4 s). A 403 or 404 is not
 * retried. So four 429s or four 500s are what it takes to refuse one send of ours.
 */
const LIBRARY_REQUESTS_PER_SEND = 4;
const times = (n: number, failure: InjectedFailure): InjectedFailure[] => Array.from({ length: n }, () => failure);

describe('proactive sends that Teams refuses', () => {
  // Monday 7 April 2025, 07:00 in Copenhagen: before the weekly digest's default slot (08:00).
  const clock = new ManualClock(new Date('2025-04-07T05:00:00Z'));
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A colleague who has Fremdrift in their personal chat (installed over HTTP, as Teams does). */
  async function installed(name: string): Promise<TestUser> {
    const u = await h.userWithRoles(name, ['jobformidler']);
    await h.install(u);
    return u;
  }

  const callsTo = (conversationId: string, since: number) =>
    h.connector.calls.slice(since).filter((c) => c.conversationId === conversationId);

  it('reports 403 and 404 as gone when the 1:1 chat and a new one are both refused', async () => {
    for (const status of [403, 404]) {
      const u = await installed(`Refused ${status}`);
      const since = h.connector.calls.length;
      // The stored chat answers `status`; so does the attempt to open a new one (the bot is removed).
      h.connector.injectFailures(
        { status, pathIncludes: h.personalConversationId(u) },
        { status, pathIncludes: '/v3/conversations' },
      );
      const result = await h.services.notifier.sendToUser(TEST_TENANT, u.aadObjectId, { text: 'Hej' });
      expect(result).toEqual({ status: 'gone', httpStatus: status });
      expect(h.connector.calls.slice(since).map((c) => c.status)).toEqual([status, status]);
    }
  });

  it('reports a 429 that outlasts the library retries as throttled, with its Retry-After', async () => {
    const u = await installed('Throttled');
    const conversationId = h.personalConversationId(u);
    // Six refusals, as measured in the issue: one send of ours uses four of them.
    h.connector.injectFailures(...times(6, { status: 429, retryAfterSeconds: 0, pathIncludes: conversationId }));
    let since = h.connector.calls.length;
    const first = await h.services.notifier.sendToUser(TEST_TENANT, u.aadObjectId, { text: 'Hej' });
    expect(first).toEqual({ status: 'throttled', httpStatus: 429, retryAfterMs: 0 });
    expect(callsTo(conversationId, since)).toHaveLength(LIBRARY_REQUESTS_PER_SEND);
    expect(callsTo(conversationId, since).every((c) => c.status === 429)).toBe(true);
    // The next send meets the last two refusals, which the library absorbs, and is delivered.
    since = h.connector.calls.length;
    const second = await h.services.notifier.sendToUser(TEST_TENANT, u.aadObjectId, { text: 'Hej' });
    expect(second).toMatchObject({ status: 'sent', conversationId });
    expect(second.status === 'sent' && second.activityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(callsTo(conversationId, since).map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it('reports a 500 that outlasts the library retries as a retryable failure', async () => {
    const u = await installed('Server error');
    const conversationId = h.personalConversationId(u);
    h.connector.injectFailures(...times(LIBRARY_REQUESTS_PER_SEND, { status: 500, pathIncludes: conversationId }));
    const since = h.connector.calls.length;
    const result = await h.services.notifier.sendToUser(TEST_TENANT, u.aadObjectId, { text: 'Hej' });
    expect(result).toEqual({ status: 'throttled', httpStatus: 500 });
    expect(callsTo(conversationId, since).map((c) => c.status)).toEqual([500, 500, 500, 500]);
  });

  it('reports an update of a message that no longer exists as gone', async () => {
    const u = await installed('Update');
    const personal = await h.services.directory.getPersonalInstallation(TEST_TENANT, u.aadObjectId);
    const conversationId = h.personalConversationId(u);
    h.connector.injectFailures({ status: 404, pathIncludes: conversationId });
    const result = await h.services.notifier.updateMessage(personal!, conversationId, 'gone-activity', { text: 'Ny' });
    expect(result).toEqual({ status: 'gone', httpStatus: 404 });
  });

  it('answers "unknown" instead of an empty team when the roster call is refused', async () => {
    const lea = h.user('Lea');
    const teamId = `19:${randomUUID()}@thread.tacv2`;
    await h.install(lea, { kind: 'channel', conversationId: teamId, teamId, channelId: teamId });
    h.connector.setRoster(teamId, [{ aadObjectId: lea.aadObjectId }]);
    const team = await h.services.directory.getInstallation(TEST_TENANT, teamId);
    expect(await h.services.notifier.teamMemberIds(team!)).toEqual([lea.aadObjectId]);
    h.connector.injectFailures({ status: 403, pathIncludes: `${teamId}/pagedmembers` });
    expect(await h.services.notifier.teamMemberIds(team!)).toBeUndefined();
  });

  it('keeps the stored team members when the roster call is refused during the weekly digest', async () => {
    const lea = await h.userWithRoles('Lea Leder', ['leder']);
    const holdet = team('holdet');
    h.connector.setRoster(holdet.teamId, [{ aadObjectId: lea.aadObjectId }, { aadObjectId: J1 }]);
    await installIn(h, lea, holdet);
    const r = await h.say(lea, 'abonnér på ugerapport for teamet', holdet.where());
    expect(r.texts[0]).toContain('for teamets borgere');
    const subscriptions = new DigestSubscriptionRepository(h.services.store);
    const before = await subscriptions.get(TEST_TENANT, holdet.channelId);
    expect(before?.memberIds).toEqual([lea.aadObjectId, J1]);

    h.connector.injectFailures({ status: 403, pathIncludes: `${holdet.teamId}/pagedmembers` });
    clock.set(new Date('2025-04-07T06:30:00Z')); // 08:30: the digest is due
    const since = h.connector.calls.length;
    await h.app.scheduler.runAllOnce();
    const calls = h.connector.calls.slice(since);
    expect(calls.filter((c) => c.path.includes('pagedmembers')).map((c) => c.status)).toEqual([403]);
    expect(calls.filter((c) => c.kind === 'create' && c.status < 300)).toHaveLength(1); // the digest went out
    // The member list is the one Teams gave last time: the same document, not rewritten.
    expect(await subscriptions.get(TEST_TENANT, holdet.channelId)).toEqual(before);
  });
});
