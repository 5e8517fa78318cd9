import { ManualClock } from '../../bot/domain/clock';
import { BotHarness, actionsOf, cardText, openUrlOf, type TestUser } from '../harness/bot-harness';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';
import { allItems, caseDocs, documentsOf } from '../privacy/fixtures';
import type { AdaptiveCard } from '../../cards/types';

/**
 * Where company data meets a citizen (a contact that concerned a case, a job match), the citizen's
 * side lives in the case's partition: export gives it with the case, erasure removes it, and the
 * company's own records, which never held it, are left exactly as they were.
 */
describe('company data that concerns a citizen: export and erasure', () => {
  const clock = new ManualClock(new Date('2026-03-03T09:30:00Z'));
  let h: BotHarness;
  let vk: TestUser;
  let jf: TestUser;
  let dpo: TestUser;
  let openingId: string;
  const REF = 'FR-PRIV-0001';

  const submit = (user: TestUser, card: AdaptiveCard | undefined, verb: string, fields: Record<string, string> = {}) =>
    h.execute(user, verb, { ...buttonData(card, verb), ...inputValues(card), ...fields });

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    vk = await h.userWithRoles('Vera', ['virksomhedskonsulent']);
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
    dpo = await h.userWithRoles('Dorte', ['admin']);
    for (const u of [vk, jf, dpo]) await h.say(u, 'hjælp');
    await handedOverCase(h.services, jf, { caseRef: REF, conversationAt: '2026-02-02' });
    const goals = await h.execute(jf, 'case.goals.edit', { caseRef: REF });
    await submit(jf, goals.card, 'case.goals.save', { goalA_title: 'Lagermedarbejder' });

    const form = await h.say(vk, 'ny virksomhed');
    const company = await submit(vk, form.cards[0], 'company.create', { cvr: '24256790', name: 'Lageret A/S' });
    const openingForm = await h.execute(vk, 'opening.new', buttonData(company.card, 'opening.new'));
    const opening = await submit(vk, openingForm.card, 'opening.create', {
      title: 'Lagermedarbejder',
      hoursPerWeek: '20',
    });
    openingId = String(actionsOf(opening.card).find((a) => a.verb === 'opening.edit')?.data.openingId);

    const contact = await h.execute(jf, 'company.contact.new', buttonData(company.card, 'company.contact.new'));
    await submit(jf, contact.card, 'company.contact.save', { kind: 'PLACEMENT_FOLLOW_UP', cases: REF });
    const suggestions = await h.say(jf, `jobmatch ${REF}`);
    await h.execute(jf, 'jobmatch.take', actionsOf(suggestions.cards[0]).find((a) => a.verb === 'jobmatch.take')!.data);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the export of the case has its company contact and its job match, with the company named', async () => {
    const ask = await h.say(dpo, `eksportér sag ${REF}`);
    const done = await h.execute(dpo, 'privacy.export.confirm', buttonData(ask.cards[0], 'privacy.export.confirm'));
    // Delivered as a file in the 1:1 chat: here a single-use link, as in the Playground.
    const url = openUrlOf(done.cards.find((c) => openUrlOf(c) !== undefined));
    const json = (await (await fetch(url!)).json()) as { documents: { cases: Record<string, unknown>[] } };
    const docs = json.documents.cases;
    expect(docs).toContainEqual(
      expect.objectContaining({
        type: 'follow_up',
        contactType: 'WORKPLACE_FOLLOW_UP',
        direction: 'COMPANY_FACING',
        companyId: 'company:24256790',
        note: 'Lageret A/S',
      }),
    );
    expect(docs).toContainEqual(
      expect.objectContaining({
        type: 'job_match',
        status: 'ACCEPTED',
        openingTitle: 'Lagermedarbejder',
        companyName: 'Lageret A/S',
        reasons: [{ rule: 'WORDS', detail: 'lagermedarbejder' }],
      }),
    );
    expect(docs).toContainEqual(expect.objectContaining({ type: 'work_agreement', companyId: 'company:24256790' }));
  });

  it('erasure removes the citizen from the company side too, and leaves the company’s own records untouched', async () => {
    const before = cardText((await h.say(jf, 'virksomhed 24256790')).cards[0]);
    expect(before).toContain('drejede sig om 1 borger(e)');
    expect(cardText((await h.execute(vk, 'opening.open', { openingId })).card)).toContain(REF);
    const companySide = (await documentsOf(h.services, ['directory'])).filter((d) => !d.includes('/user:'));

    const done = await h.execute(dpo, 'privacy.erase.confirm', {
      caseRef: REF,
      confirmRef: REF,
      reason: 'art17_request',
    });
    expect(cardText(done.card)).toContain(`Sag ${REF} er slettet`);
    expect(await caseDocs(h.services, jf.tenantId, REF)).toEqual([]);

    expect((await documentsOf(h.services, ['directory'])).filter((d) => !d.includes('/user:'))).toEqual(companySide);
    const directory = JSON.stringify(await allItems(h.services.store.containers.directory));
    expect(directory).not.toContain(REF);
    const after = cardText((await h.say(jf, 'virksomhed 24256790')).cards[0]);
    expect(after).toContain('Opfølgning på forløb');
    expect(after).not.toContain('drejede sig om');
    expect(after).toContain('0 arbejdsaftaler · 0 forløb');
    const opening = cardText((await h.execute(vk, 'opening.open', { openingId })).card);
    expect(opening).not.toContain(REF);
    expect(opening).toContain('0 foreslået · 0 taget · 0 kom i forløb');
  });
});
