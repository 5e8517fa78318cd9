import { ManualClock } from '../../bot/domain/clock';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { CaseRepository } from '../../bot/store/case-repository';
import { type BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { withJobformidler } from '../harness/jobformidler-fixture';
import { caseDocs } from '../privacy/fixtures';
import { handedOverCase } from './fixtures';

describe('closing a case from the case card', () => {
  // Tuesday 10 March 2026, 10:00 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  const cases = () => new CaseRepository(h.services.store);
  withJobformidler(clock, (ready) => ({ h, jf } = ready));

  it('asks reason and date, confirms, closes with retention on every document, and leaves Mine borgere', async () => {
    const caseRef = await handedOverCase(h.services, jf, { caseRef: 'CL-0001', conversationAt: '2026-02-02' });
    await handedOverCase(h.services, jf, { caseRef: 'CL-0002', conversationAt: '2026-02-02' });
    const card = await h.execute(jf, 'case.open', { caseRef });
    expect(actionsOf(card.card).map((a) => a.verb)).toContain('case.close.open');

    const form = await h.execute(jf, 'case.close.open', { caseRef });
    expect(cardText(form.card)).toContain('Afslut sag CL-0001');
    expect(JSON.stringify(form.card)).toContain('"value":"2026-03-10"'); // today as the default

    const review = await h.execute(jf, 'case.close.review', { caseRef, reason: 'EDUCATION', date: '2026-03-09' });
    expect(cardText(review.card)).toContain('Bekræft: afslut sag CL-0001');
    expect(cardText(review.card)).toContain('Uddannelse');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({ status: 'ACTIVE' }); // not before confirming

    const done = await h.execute(jf, 'case.close.confirm', { caseRef, reason: 'EDUCATION', date: '2026-03-09' });
    expect(cardText(done.card)).toContain('Sagen er afsluttet (09.03.2026).');
    expect(cardText(done.card)).toContain('Sagen er afsluttet (kun læsning).');
    expect(actionsOf(done.card).map((a) => a.verb)).not.toContain('case.close.open');

    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-03-09', reason: 'EDUCATION' },
    });
    const docs = await caseDocs(h.services, TEST_TENANT, caseRef);
    expect(docs.map((d) => d.type)).toEqual(expect.arrayContaining(['case', 'case_facts']));
    expect(docs.every((d) => typeof d.ttl === 'number' && typeof d.expiresAt === 'string')).toBe(true);
    expect(await new CaseFactsRepository(h.services.store).get(TEST_TENANT, caseRef)).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-03-09', reason: 'EDUCATION' },
    });
    const log = await h.services.audit.listForCase(TEST_TENANT, caseRef, { maxItemCount: 100 });
    expect(log.items.filter((e) => e.action === 'case.close')).toEqual([
      expect.objectContaining({ actorId: jf.aadObjectId, kind: 'write', outcome: 'ok' }),
    ]);

    const mine = cardText((await h.say(jf, 'mine borgere')).cards[0]);
    expect(mine).toContain('CL-0002');
    expect(mine).not.toContain('CL-0001');

    // A second confirmation (an old card) does not close it again.
    const again = await h.execute(jf, 'case.close.confirm', { caseRef, reason: 'MOVED', date: '2026-03-10' });
    expect(cardText(again.card)).toContain('Sagen er afsluttet, så der kan ikke registreres mere på den.');
    expect((await cases().get(TEST_TENANT, caseRef))?.closure?.reason).toBe('EDUCATION');
  });

  it.each([
    ['a date in the future', '2026-03-11', 'kan ikke ligge efter i dag'],
    ['no date at all', '', 'Afslutningsdato'],
    ['something that is not a date', '2026-02-30', 'Afslutningsdato'],
  ])('refuses %s inline and writes nothing', async (_what, date, message) => {
    const caseRef = await handedOverCase(h.services, jf, { conversationAt: '2026-02-02' });
    for (const verb of ['case.close.review', 'case.close.confirm']) {
      const refused = await h.execute(jf, verb, { caseRef, reason: 'MOVED', date });
      expect(cardText(refused.card)).toContain('Afslut sag');
      expect(cardText(refused.card)).toContain(message);
    }
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({ status: 'ACTIVE' });
    expect((await caseDocs(h.services, TEST_TENANT, caseRef)).some((d) => d.ttl !== undefined)).toBe(false);
  });

  it('refuses an unknown reason, and lets only the case’s own jobformidler close it', async () => {
    const caseRef = await handedOverCase(h.services, jf, { conversationAt: '2026-02-02' });
    const refused = await h.execute(jf, 'case.close.confirm', { caseRef, reason: 'BORED', date: '2026-03-10' });
    expect(cardText(refused.card)).toContain('Årsag');
    const other = await h.userWithRoles('Olga', ['jobformidler']);
    const forbidden = await h.execute(other, 'case.close.confirm', { caseRef, reason: 'MOVED', date: '2026-03-10' });
    expect(cardText(forbidden.card)).toContain('Du har ikke adgang til denne sag');
    expect(await cases().get(TEST_TENANT, caseRef)).toMatchObject({ status: 'ACTIVE' });
  });
});
