import { ManualClock } from '../../bot/domain/clock';
import { handoverNoticeJob } from '../../bot/features/visitation/handover-notices';
import { PendingNoticeRepository } from '../../bot/store/pending-notice-repository';
import { BotHarness, cardText, textsOf, type TestUser } from '../harness/bot-harness';
import type { InjectedFailure } from '../harness/capturing-connector';
import { click, completeScreening } from '../screening/screening-driver';

/**
 * Issue 12 items 6 and 7 for the visitation handover: when Teams refuses the 1:1 message to the
 * new jobformidler, the screener is told at once that the jobformidler could not be reached yet
 * and that Fremdrift keeps trying; the scheduler delivers it later, exactly once, or gives up and
 * tells the screener. A 404 on the stored chat makes the bot open a new one.
 *
 * The connector library repeats a 429 carrying Retry-After three times by itself (four requests per
 * send of ours); a 403 or 404 it does not repeat.
 */
const LIBRARY_REQUESTS_PER_SEND = 4;
const times = (n: number, f: InjectedFailure): InjectedFailure[] => Array.from({ length: n }, () => f);

describe('the handover message when Teams refuses it', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  let screenings = 0;

  beforeAll(async () => {
    h = await BotHarness.start({ clock, env: { PROACTIVE_RETRY_BASE_MS: '0' } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A screener decides group 1 for a fresh case and hands it to `jobformidler`; returns the decision card. */
  async function handOver(screener: TestUser, jobformidler: TestUser, beforeSave: () => void = () => undefined) {
    clock.set(new Date('2026-03-02T09:00:00Z'));
    screenings++;
    const done = await completeScreening(h, screener, `2026-8800${screenings}`);
    clock.set(new Date('2026-03-10T10:00:00Z'));
    const open = await click(h, screener, done.card, 'visitation.open');
    const step2 = await click(h, screener, open.card, 'visitation.next', {
      group: 'G1_INTERVENTION',
      conversationAt: '2026-03-10',
      rationale: 'READY_FOR_ORDINARY_HOURS',
    });
    beforeSave();
    const saved = await click(h, screener, step2.card, 'visitation.save', {
      jobformidlerId: jobformidler.aadObjectId,
      firstJobConversationAt: '2026-03-17',
    });
    return { caseRef: done.caseRef, decided: cardText(saved.card) };
  }

  /** Handover cards delivered to `user` since call index `since`, in whatever chat they went. */
  const handoversSince = (since: number, caseRef: string) =>
    h.connector
      .sentSince(since)
      .filter((c) => JSON.stringify(c.body).includes('Ny borger til dig') && JSON.stringify(c.body).includes(caseRef));

  const statusesTo = (user: TestUser, since: number) =>
    h.connector.calls
      .slice(since)
      .filter((c) => c.conversationId === h.personalConversationId(user))
      .map((c) => c.status);

  /** One scheduler pass on two instances at once (two jobs, two holders, one store). */
  const pass = () =>
    Promise.all([handoverNoticeJob(h.services).run(clock.now()), handoverNoticeJob(h.services).run(clock.now())]);

  const pendingFor = async (caseRef: string) => {
    const found = [];
    for await (const n of new PendingNoticeRepository(h.services.store).all()) if (n.caseRef === caseRef) found.push(n);
    return found;
  };

  it('tells the screener the jobformidler could not be reached yet, then delivers it at the next pass, once', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const jens = await h.userWithRoles('Jens Jobformidler', ['jobformidler']);
    await h.install(jens);
    const since = h.connector.calls.length;
    h.connector.injectFailures(
      ...times(LIBRARY_REQUESTS_PER_SEND, {
        status: 429,
        retryAfterSeconds: 0,
        pathIncludes: h.personalConversationId(jens),
      }),
    );
    const { caseRef, decided } = await handOver(anna, jens);
    expect(decided).toContain('Visitation registreret');
    expect(decided).toContain(
      'Beskeden til Jens Jobformidler kunne ikke sendes endnu. Fremdrift prøver igen og siger til, hvis Jens Jobformidler ikke kan nås.',
    );
    expect(decided).not.toContain('har fået besked');
    expect(handoversSince(since, caseRef)).toHaveLength(0);
    expect(statusesTo(jens, since)).toEqual([429, 429, 429, 429]);
    expect(await pendingFor(caseRef)).toHaveLength(1);

    clock.set(new Date('2026-03-10T10:05:00Z'));
    const later = h.connector.calls.length;
    await pass();
    await pass();
    const delivered = handoversSince(later, caseRef);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.conversationId).toBe(h.personalConversationId(jens));
    expect(JSON.stringify(delivered[0]!.body)).toContain('Anna Screener');
    expect(await pendingFor(caseRef)).toEqual([]);
    const audit = await h.services.audit.listForCase(anna.tenantId, caseRef, { maxItemCount: 100 });
    expect(audit.items.filter((e) => e.action === 'handover.notify')).toEqual([
      expect.objectContaining({ actorId: 'system:handover', kind: 'read', purpose: 'visitation', channel: 'system' }),
    ]);
  });

  it('keeps trying while Teams says the bot is gone, then gives up and tells the screener 1:1', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const nina = await h.userWithRoles('Nina Jobformidler', ['jobformidler']);
    await h.install(nina);
    // Her chat answers 403, and so does the attempt to open a new one (she removed the app).
    const gone = () =>
      h.connector.injectFailures(
        { status: 403, pathIncludes: h.personalConversationId(nina) },
        { status: 403, pathIncludes: '/v3/conversations' },
      );
    let since = 0;
    const { caseRef, decided } = await handOver(anna, nina, () => {
      since = h.connector.calls.length;
      gone();
    });
    expect(decided).toContain('Beskeden til Nina Jobformidler kunne ikke sendes endnu. Fremdrift prøver igen');
    expect(h.connector.calls.slice(since).map((c) => [c.kind, c.status])).toEqual([
      ['reply', 403],
      ['create', 403],
    ]);

    clock.set(new Date('2026-03-10T10:05:00Z'));
    gone();
    await pass();
    expect(handoversSince(since, caseRef)).toHaveLength(0);
    expect(await pendingFor(caseRef)).toHaveLength(1);

    clock.set(new Date('2026-03-13T10:00:00Z')); // three days after the decision
    const atGiveUp = h.connector.calls.length;
    await pass();
    const toAnna = h.connector
      .sentSince(atGiveUp)
      .filter((c) => c.conversationId === h.personalConversationId(anna))
      .flatMap(textsOf);
    expect(toAnna).toEqual([
      `Fremdrift kunne ikke give Nina Jobformidler besked i Teams om sag ${caseRef}. Nina Jobformidler ser sagen i "Mine borgere", men sig det gerne selv til Nina Jobformidler.`,
    ]);
    expect(await pendingFor(caseRef)).toEqual([]);
    const after = h.connector.calls.length;
    await pass();
    expect(h.connector.calls.slice(after)).toEqual([]);
  });

  it('opens a new 1:1 chat when the stored one is gone (404), and the handover arrives there', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const ole = await h.userWithRoles('Ole Jobformidler', ['jobformidler']);
    await h.install(ole);
    h.connector.injectFailures({ status: 404, pathIncludes: h.personalConversationId(ole) });
    const since = h.connector.calls.length;
    const { caseRef, decided } = await handOver(anna, ole);
    expect(decided).toContain('Ole Jobformidler har fået besked i Teams.');
    const created = h.connector.calls.slice(since).filter((c) => c.kind === 'create' && c.status < 300);
    expect(created).toHaveLength(1);
    expect((created[0]!.body.members as { id: string }[])[0]?.id).toBe(ole.botUserId);
    const delivered = handoversSince(since, caseRef);
    expect(delivered.map((c) => c.conversationId)).toEqual([created[0]!.conversationId]);
    expect(await pendingFor(caseRef)).toEqual([]);
  });

  it('delivers to a jobformidler once they open Fremdrift, and drops a notice no scheduler saw in time', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const pia = await h.userWithRoles('Pia Jobformidler', ['jobformidler']); // has not opened Fremdrift yet
    const first = await handOver(anna, pia);
    expect(first.decided).toContain(
      'Pia Jobformidler har ikke åbnet Fremdrift endnu og ser sagen i "Mine borgere". Fremdrift prøver at give Pia Jobformidler besked de næste dage',
    );
    clock.set(new Date('2026-03-10T11:00:00Z'));
    await h.install(pia); // she opens Fremdrift
    const since = h.connector.calls.length;
    await pass();
    expect(handoversSince(since, first.caseRef).map((c) => c.conversationId)).toEqual([h.personalConversationId(pia)]);
    expect(await pendingFor(first.caseRef)).toEqual([]);

    const rasmus = await h.userWithRoles('Rasmus Jobformidler', ['jobformidler']); // never opens it
    const second = await handOver(anna, rasmus);
    expect(await pendingFor(second.caseRef)).toHaveLength(1);
    // No pass ran until five days later (the service was down): dropped, and nobody is told days late.
    clock.set(new Date('2026-03-15T10:00:00Z'));
    const later = h.connector.calls.length;
    await pass();
    expect(h.connector.calls.slice(later)).toEqual([]);
    expect(await pendingFor(second.caseRef)).toEqual([]);
  });
});
