import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotHarness, cardText, actionsOf, type TestUser } from '../harness/bot-harness';
import { ManualClock } from '../../bot/domain/clock';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startFremdrift, type RunningApp } from '../../bot/app-host';
import { dailyNudgeJob } from '../../bot/features/nudge/daily-nudge';
import { nudgeDate } from '../../bot/features/nudge/rules';
import type { AdaptiveCard } from '../../cards/types';
import { handedOverCase } from '../case/fixtures';
import { ProgressionRepository, measurementDocId } from '../../bot/store/progression-repository';
import type { Services } from '../../bot/services';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';

/** A completed baseline measurement, so the case's progression measurement is not due (issue 6 item 4). */
async function baselineMeasured(services: Services, tenantId: string, caseRef: string, measuredAt: string) {
  const measurementId = `m-${caseRef}`;
  await new ProgressionRepository(services.store).createDraft({
    id: measurementDocId(tenantId, measurementId),
    tenantId,
    type: 'progression_measurement',
    schemaVersion: 1,
    caseRef,
    measurementId,
    status: 'COMPLETED',
    indicatorSetId: 'g1-vej-mod-ordinaere-timer',
    indicatorSetVersion: 1,
    context: 'BASELINE',
    participants: ['CITIZEN', 'JOBFORMIDLER'],
    measuredAt,
    scores: [],
    cursor: 0,
    agreedWithCitizen: true,
    meanScore: 5,
    conductedBy: 'jf',
    startedAt: `${measuredAt}T10:00:00.000Z`,
    updatedAt: `${measuredAt}T10:00:00.000Z`,
    completedAt: `${measuredAt}T10:00:00.000Z`,
  });
  // As the progression feature does after its writes: the case facts follow.
  await new CaseFactsRepository(services.store).rebuild(
    tenantId,
    caseRef,
    await services.directory.getSettings(tenantId),
    new Date(`${measuredAt}T10:00:00.000Z`),
  );
}

/**
 * Requests per send of ours: botframework-connector's pipeline (@azure/core-rest-pipeline, default
 * retry policy, maxRetries 3) repeats a 429 carrying Retry-After three times before we see it.
 */
const LIBRARY_REQUESTS_PER_SEND = 4;

describe('daily nudge', () => {
  // Monday 10 March 2025, 08:05 in Copenhagen (07:05 UTC, winter time).
  const monday = new Date('2025-03-10T07:05:00Z');
  const clock = new ManualClock(monday);
  let h: BotHarness;
  let second: RunningApp;
  let dataDir: string;
  let anna: TestUser;
  let bo: TestUser;

  beforeAll(async () => {
    // The retry policy's backoff starts at 0 ms here (Retry-After 0 is then the only wait).
    h = await BotHarness.start({ clock, env: { PROACTIVE_RETRY_BASE_MS: '0' } });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-second-'));
    // A second instance of the bot on the same store, as when the service is scaled out.
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SNAPSHOT_INTERVAL_SECONDS: '0',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      PROACTIVE_RETRY_BASE_MS: '0',
    });
    second = await startFremdrift(config, { clock, logger: createLogger('silent'), sharedStore: h.services.store });

    anna = await h.userWithRoles('Anna', ['jobformidler']);
    bo = await h.userWithRoles('Bo', ['jobformidler']);
    await h.install(anna);
    await h.install(bo);
    // Anna: one case due today (42 days after 27 January), one overdue, one fine, one closed.
    await handedOverCase(h.services, anna, { caseRef: 'AN-DUE', conversationAt: '2025-01-27', status: 'ACTIVE' });
    await handedOverCase(h.services, anna, { caseRef: 'AN-LATE', conversationAt: '2025-01-10', status: 'ACTIVE' });
    await handedOverCase(h.services, anna, { caseRef: 'AN-FINE', conversationAt: '2025-03-01', status: 'ACTIVE' });
    await handedOverCase(h.services, anna, { caseRef: 'AN-CLOSED', conversationAt: '2024-01-10', status: 'CLOSED' });
    // Bo: nothing due.
    await handedOverCase(h.services, bo, { caseRef: 'BO-FINE', conversationAt: '2025-03-05', status: 'ACTIVE' });
    // Baselines measured: these cases are about follow-ups only.
    for (const [caseRef, at] of [
      ['AN-DUE', '2025-01-27'],
      ['AN-LATE', '2025-01-10'],
      ['AN-FINE', '2025-03-01'],
      ['BO-FINE', '2025-03-05'],
    ] as const)
      await baselineMeasured(h.services, anna.tenantId, caseRef, at);
  });
  afterAll(async () => {
    await second?.stop();
    await h?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const nudgesTo = (user: TestUser, since: number): AdaptiveCard[] =>
    h.connector
      .sentSince(since)
      .filter((c) => c.conversationId === h.personalConversationId(user))
      .flatMap((c) => ((c.body.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((a) => a.content));

  /** Both instances run their own job at the same moment. */
  const race = () =>
    Promise.all([dailyNudgeJob(h.services).run(clock.now()), dailyNudgeJob(second.services).run(clock.now())]);

  it('sends each jobformidler with due or overdue follow-ups exactly one message, even with two schedulers', async () => {
    const since = h.connector.calls.length;
    await race();
    await race(); // a later tick the same morning
    const toAnna = nudgesTo(anna, since);
    expect(toAnna).toHaveLength(1);
    const text = cardText(toAnna[0]);
    expect(text).toContain('2 af dine borgere skal følges op i dag eller er overskredet');
    expect(text.indexOf('AN-LATE')).toBeLessThan(text.indexOf('AN-DUE')); // most overdue first
    expect(text).toContain('Opfølgning overskredet med 17 dage');
    expect(text).toContain('Opfølgning i dag');
    expect(text).not.toContain('AN-FINE');
    expect(text).not.toContain('AN-CLOSED');
    expect(actionsOf(toAnna[0]).map((a) => a.verb)).toEqual(['case.open', 'case.open', 'caseload.open']);
    expect(nudgesTo(bo, since)).toEqual([]); // nothing when nothing is due

    const log = await h.services.audit.listForCase(anna.tenantId, 'AN-LATE', { maxItemCount: 50 });
    expect(log.items.filter((e) => e.action === 'nudge.read')).toEqual([
      expect.objectContaining({ actorId: 'system:daily-nudge', channel: 'system', purpose: 'follow_up' }),
    ]);
  });

  it('sends again the next working day, but not at the weekend or before 08:00', async () => {
    let since = h.connector.calls.length;
    clock.set(new Date('2025-03-15T09:00:00Z')); // Saturday
    await race();
    clock.set(new Date('2025-03-11T06:55:00Z')); // Tuesday 07:55
    await race();
    expect(nudgesTo(anna, since)).toEqual([]);
    since = h.connector.calls.length;
    clock.set(new Date('2025-03-11T07:00:00Z')); // Tuesday 08:00
    await race();
    expect(nudgesTo(anna, since)).toHaveLength(1);
  });

  /** Status codes of every call the bot made to a user's personal chat since call index `since`. */
  const statusesTo = (user: TestUser, since: number): number[] =>
    h.connector.calls
      .slice(since)
      .filter((c) => c.conversationId === h.personalConversationId(user))
      .map((c) => c.status);

  it('retries a throttled message and still sends it once', async () => {
    clock.set(new Date('2025-03-12T07:30:00Z')); // Wednesday 08:30
    const since = h.connector.calls.length;
    // botframework-connector's HTTP pipeline (@azure/core-rest-pipeline's default retry policy)
    // retries a 429 with Retry-After three times by itself, so one send of ours is four requests.
    // Five refusals outlast it: our first attempt fails, and only our own retry can deliver.
    const throttled = { status: 429, retryAfterSeconds: 0, pathIncludes: h.personalConversationId(anna) };
    h.connector.injectFailures(...Array.from({ length: LIBRARY_REQUESTS_PER_SEND + 1 }, () => throttled));
    await race();
    expect(nudgesTo(anna, since)).toHaveLength(1);
    expect(statusesTo(anna, since)).toEqual([429, 429, 429, 429, 429, 200]);
  });

  it('lists a case whose progression measurement is due, even when its follow-up is not', async () => {
    const cia = await h.userWithRoles('Cia', ['jobformidler']);
    await h.install(cia);
    clock.set(new Date('2025-03-13T07:30:00Z')); // Thursday 08:30
    // Handed over on 5 March with no baseline measurement yet: due since the start of group 1.
    await handedOverCase(h.services, cia, { caseRef: 'CI-BASE', conversationAt: '2025-03-05', status: 'ACTIVE' });
    const since = h.connector.calls.length;
    await race();
    const toCia = nudgesTo(cia, since);
    expect(toCia).toHaveLength(1);
    const text = cardText(toCia[0]);
    expect(text).toContain('1 af dine borgere skal have en progressionsmåling');
    expect(text).toContain('CI-BASE');
    expect(text).toContain('Tid til progressionsmåling · 05.03.2025');
    expect(text).not.toContain('skal følges op i dag');
  });

  it('tries a nudge Teams still refuses again at the next pass the same day, and sends it once', async () => {
    clock.set(new Date('2025-03-14T07:30:00Z')); // Friday 08:30
    let since = h.connector.calls.length;
    // Our three attempts, each four requests with the library's retries: twelve refusals fail the pass.
    const throttled = { status: 429, retryAfterSeconds: 0, pathIncludes: h.personalConversationId(anna) };
    h.connector.injectFailures(...Array.from({ length: 3 * LIBRARY_REQUESTS_PER_SEND }, () => throttled));
    await race();
    expect(nudgesTo(anna, since)).toEqual([]);
    expect(statusesTo(anna, since)).toEqual(Array.from({ length: 12 }, () => 429));

    clock.set(new Date('2025-03-14T07:45:00Z')); // the next pass, 15 minutes later, on both instances
    since = h.connector.calls.length;
    await race();
    expect(nudgesTo(anna, since)).toHaveLength(1);
    expect(statusesTo(anna, since)).toEqual([200]);

    since = h.connector.calls.length;
    clock.set(new Date('2025-03-14T08:00:00Z'));
    await race();
    expect(statusesTo(anna, since)).toEqual([]); // sent once: later passes leave it
  });

  it('knows the 08:00 working-day window in Copenhagen, summer time included', () => {
    expect(nudgeDate(new Date('2025-03-10T07:00:00Z'), 'Europe/Copenhagen')).toBe('2025-03-10');
    expect(nudgeDate(new Date('2025-03-10T06:59:00Z'), 'Europe/Copenhagen')).toBeUndefined();
    expect(nudgeDate(new Date('2025-06-02T06:00:00Z'), 'Europe/Copenhagen')).toBe('2025-06-02'); // CEST
    expect(nudgeDate(new Date('2025-06-02T05:59:00Z'), 'Europe/Copenhagen')).toBeUndefined();
    expect(nudgeDate(new Date('2025-06-01T09:00:00Z'), 'Europe/Copenhagen')).toBeUndefined(); // Sunday
    expect(nudgeDate(new Date('2025-03-10T16:00:00Z'), 'Europe/Copenhagen')).toBeUndefined(); // 17:00
  });
});
