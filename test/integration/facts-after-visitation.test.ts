import { ManualClock } from '../../bot/domain/clock';
import { computeDigest } from '../../bot/features/digest/compute-digest';
import { digestWeekFor } from '../../bot/features/digest/calendar';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { BotHarness, TEST_TENANT, actionsOf } from '../harness/bot-harness';
import { click, completeScreening } from '../screening/screening-driver';

/** A case nobody has touched since handover must still count: screening and visitation rebuild the facts. */
describe('case facts after screening and visitation', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('a screened and visited group 1 case is in the digest and in Mine borgere without any jobformidler write', async () => {
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const jens = await h.userWithRoles('Jens Jobformidler', ['jobformidler']);
    const done = await completeScreening(h, anna, '2026-88001');
    const facts = new CaseFactsRepository(h.services.store);
    expect(await facts.get(TEST_TENANT, done.caseRef)).toMatchObject({ status: 'AWAITING_VISITATION' });

    clock.set(new Date('2026-03-10T10:00:00Z'));
    const open = await click(h, anna, done.card, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: 'G1_INTERVENTION',
      conversationAt: '2026-03-10',
      rationale: 'READY_FOR_ORDINARY_HOURS',
      note: '',
    });
    await click(h, anna, step2.card, 'visitation.save', {
      jobformidlerId: jens.aadObjectId,
      firstJobConversationAt: '2026-03-17',
    });

    expect(await facts.get(TEST_TENANT, done.caseRef)).toMatchObject({
      status: 'ACTIVE',
      assignedJobformidlerId: jens.aadObjectId,
      g1Intervals: [{ from: '2026-03-10' }],
    });
    const spec = { scope: 'municipality' as const, scopeKey: 'municipality' };
    const digest = await computeDigest(h.services, TEST_TENANT, spec, digestWeekFor('2026-W12'));
    expect(digest.computation.aggregates.m1.share.denominator).toBe(1);

    const mine = await h.say(jens, 'mine borgere');
    expect(actionsOf(mine.cards[0]).some((a) => a.verb === 'case.open' && a.data.caseRef === done.caseRef)).toBe(true);
  });
});
