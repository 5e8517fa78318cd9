import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { CaseRepository } from '../../bot/store/case-repository';
import type { ContainerName } from '../../bot/store/containers';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { click, completeScreening, startScreening } from './screening-driver';
import { handedOverCase } from '../case/fixtures';

describe('screening privacy: CPR refused, art. 9 answers for two people only, everything audited', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  let anna: TestUser;
  let jens: TestUser;
  let caseRef: string;

  /** Everything stored in a container, as one string (to prove something is NOT stored anywhere). */
  async function everything(container: ContainerName): Promise<string> {
    const { resources } = await h.services.store.containers[container].items.query('SELECT * FROM c').fetchAll();
    return JSON.stringify(resources);
  }
  const entries = async (ref: string) =>
    (await h.services.audit.listForCase(TEST_TENANT, ref, { maxItemCount: 200 })).items;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    anna = await h.userWithRoles('Anna', ['screener']);
    jens = await h.userWithRoles('Jens', ['jobformidler']);
    const done = await completeScreening(h, anna, 'PRIV-0001');
    caseRef = done.caseRef;
    clock.set(new Date('2026-03-10T10:00:00Z'));
    const open = await click(h, anna, done.card, 'visitation.open');
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: 'G1_INTERVENTION',
      conversationAt: '2026-03-10',
      rationale: 'NEEDS_ACCOMMODATION',
    });
    await click(h, anna, step2.card, 'visitation.save', {
      jobformidlerId: jens.aadObjectId,
      firstJobConversationAt: '2026-03-16',
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  describe('a CPR number is refused and stored nowhere', () => {
    it.each([['010190-1234'], ['0101901234']])('as the case number %s', async (cpr) => {
      const before = await everything('cases');
      const start = await h.say(anna, 'ny screening');
      const r = await click(h, anna, start.cards[0], 'screening.start', { caseNumber: cpr });
      // The start card comes back (to try again), with the reason, not a dead-end message.
      expect(cardText(r.card)).toContain('Sagsnummeret ligner et CPR-nummer');
      expect(actionsOf(r.card).map((a) => a.verb)).toContain('screening.start');
      expect(JSON.stringify(r.card)).not.toContain(cpr);
      expect(await everything('cases')).toBe(before);
      for (const container of ['cases', 'sensitive', 'audit', 'directory', 'runs', 'botstate'] as const)
        expect(await everything(container)).not.toContain(cpr.replace('-', ''));
    });

    it('even when its first six digits are not a real date (the case number is stricter than free text)', async () => {
      const start = await h.say(anna, 'ny screening');
      const r = await click(h, anna, start.cards[0], 'screening.start', { caseNumber: '311190-1234' });
      expect(cardText(r.card)).toContain('Sagsnummeret ligner et CPR-nummer');
      expect(await everything('cases')).not.toContain('311190');
    });

    it('refuses a malformed case number with the rule, and starts nothing', async () => {
      const start = await h.say(anna, 'ny screening');
      const r = await click(h, anna, start.cards[0], 'screening.start', { caseNumber: 'sag nr. 12' });
      expect(cardText(r.card)).toContain('må kun indeholde bogstaver, tal');
      expect(actionsOf(r.card).map((a) => a.verb)).toEqual(['screening.start']);
    });

    it.each([['Borger 010190-1234 ringer'], ['borger 0101901234']])(
      'in the visitation note "%s", on both steps of the card',
      async (note) => {
        const { card } = await completeScreening(h, anna);
        const open = await click(h, anna, card, 'visitation.open');
        const refRef = String(actionsOf(open.card)[0]!.data.caseRef);
        const next = await click(h, anna, open.card, 'visitation.next', {
          group: 'OUT_OF_SCOPE',
          conversationAt: '2026-03-10',
          rationale: 'OTHER',
          note,
        });
        // The step comes back with the note marked (the number masked) and the other answers kept.
        expect(cardText(next.card)).toContain('Her ser ud til at stå et CPR-nummer');
        expect(JSON.stringify(next.card)).not.toMatch(/0101901234|010190-1234/);
        // A forged step 2 carrying the note in its data is refused the same way.
        const forged = await h.execute(anna, 'visitation.save', {
          caseRef: refRef,
          group: 'OUT_OF_SCOPE',
          conversationAt: '2026-03-10',
          rationale: 'OTHER',
          note,
        });
        expect(cardText(forged.card)).toContain('Her ser ud til at stå et CPR-nummer');
        expect((await new CaseRepository(h.services.store).get(TEST_TENANT, refRef))?.visitation).toBeUndefined();
        expect(await everything('cases')).not.toContain('0101901234');
        expect(await everything('cases')).not.toContain('010190-1234');
      },
    );

    it('in a step input or a typed command', async () => {
      const { card } = await startScreening(h, anna);
      const r = await click(h, anna, card, 'screening.answer', { q_mode: '010190-1234' });
      expect(cardText(r.card)).toContain('CPR-nummer');
      const typed = await h.say(anna, 'screeningssvar 0101901234');
      expect(typed.texts[0]).toContain('CPR-nummer');
      expect(await everything('sensitive')).not.toContain('0101901234');
    });
  });

  describe('art. 9: the answers are visible to the screener and the case’s jobformidler only', () => {
    it('stores the answers in `sensitive` only, never in `cases`', async () => {
      const screening = await h.services.store.containers.sensitive
        .item(caseDocId(TEST_TENANT, 'screening', '1'), caseRef)
        .read();
      expect(screening.resource?.answers).toMatchObject({ wgMobility: 'A_LOT_OF_DIFFICULTY' });
      expect(await everything('cases')).not.toMatch(/DIFFICULTY|INDICATION_|WORKING_TIME|AID_WORK_TOOL/);
      expect(await everything('audit')).not.toMatch(/DIFFICULTY|INDICATION_/);
    });

    it('the assigned jobformidler reads them, in the questionnaire’s words, and can hide them again', async () => {
      const r = await h.say(jens, `screeningssvar ${caseRef.toLowerCase()}`);
      const text = cardText(r.cards[0]);
      expect(text).toContain('Screeningssvar – sag PRIV-0001');
      expect(text).toContain('Har du vanskeligt ved at gå eller gå på trapper?');
      expect(text).toContain('Ja – store vanskeligheder');
      expect(text).toContain('Hjælpemiddel – arbejdsredskab');
      expect(text).toContain('Indikation af vanskeligheder med betydning for job eller uddannelse');
      const hidden = await click(h, jens, r.cards[0], 'screening.summary');
      expect(cardText(hidden.card)).toContain('Screening gennemført');
      expect(cardText(hidden.card)).not.toContain('store vanskeligheder');
      expect(actionsOf(hidden.card).some((a) => a.verb === 'visitation.open')).toBe(false);
    });

    it('the jobformidler opens them from the case, as the handover card says, logged as follow-up', async () => {
      const caseCard = (await h.execute(jens, 'case.open', { caseRef })).card;
      const button = actionsOf(caseCard).find((a) => a.verb === 'screening.answers');
      expect(button?.title).toBe('Screeningssvar');
      const since = (await entries(caseRef)).length;
      const answers = await click(h, jens, caseCard, 'screening.answers');
      expect(cardText(answers.card)).toContain('Ja – store vanskeligheder');
      const logged = (await entries(caseRef)).slice(since);
      expect(logged).toEqual([
        expect.objectContaining({
          actorId: jens.aadObjectId,
          action: 'screening.read_answers.case',
          kind: 'read',
          purpose: 'follow_up',
          outcome: 'ok',
        }),
      ]);
      // Hiding them goes back to the case card.
      const back = await click(h, jens, answers.card, 'case.open');
      expect(cardText(back.card)).toContain('Sag PRIV-0001');
      expect(cardText(back.card)).not.toContain('store vanskeligheder');
    });

    it('the case card offers them to nobody else: not to an admin, and not where there are no answers', async () => {
      const ada = await h.userWithRoles('Ada Admin', ['admin']);
      const asAdmin = (await h.execute(ada, 'case.open', { caseRef })).card;
      expect(cardText(asAdmin)).toContain('Sag PRIV-0001');
      expect(actionsOf(asAdmin).some((a) => a.verb === 'screening.answers')).toBe(false);
      const noScreening = await handedOverCase(h.services, jens, { caseRef: 'PRIV-NOSCREEN' });
      const card = (await h.execute(jens, 'case.open', { caseRef: noScreening })).card;
      expect(actionsOf(card).some((a) => a.verb === 'screening.answers')).toBe(false);
    });

    it('the screener who ran it reads them too', async () => {
      const r = await h.execute(anna, 'screening.answers', { caseRef });
      expect(cardText(r.card)).toContain('Ja – store vanskeligheder');
    });

    it('another jobformidler, another screener, a leader and an admin cannot, and each refusal is logged', async () => {
      const karl = await h.userWithRoles('Karl', ['jobformidler']);
      const bo = await h.userWithRoles('Bo', ['screener']);
      const lea = await h.userWithRoles('Lea', ['leder']);
      const ada = await h.userWithRoles('Ada', ['admin']);
      for (const who of [karl, bo]) {
        const r = await h.say(who, `screeningssvar ${caseRef}`);
        expect(r.cards).toHaveLength(0);
        expect(r.texts[0]).toContain('Du har ikke adgang til denne sag');
      }
      const leaderTyped = await h.say(lea, `screeningssvar ${caseRef}`);
      expect(leaderTyped.texts[0]).toContain('Det har din rolle ikke adgang til');
      for (const who of [lea, ada, karl]) {
        const r = await h.execute(who, 'screening.answers', { caseRef });
        expect(cardText(r.card)).not.toContain('store vanskeligheder');
        expect(cardText(r.card)).toMatch(/ikke adgang/);
      }
      const denied = (await entries(caseRef)).filter((e) => e.outcome === 'denied');
      const deniedActors = denied.map((e) => e.actorId);
      for (const who of [karl, bo, lea, ada]) expect(deniedActors).toContain(who.aadObjectId);
      for (const e of denied) expect(e).toMatchObject({ action: 'screening.read_answers', purpose: 'screening' });
    });
  });

  it('audits every read and write of the case with actor, action and purpose', async () => {
    const log = await entries(caseRef);
    const byAnna = log.filter((e) => e.actorId === anna.aadObjectId && e.outcome === 'ok');
    const actions = byAnna.map((e) => `${e.action}:${e.kind}:${e.purpose}`);
    expect(actions[0]).toBe('screening.start:write:screening');
    expect(actions.filter((a) => a === 'screening.answer:write:screening')).toHaveLength(8);
    expect(actions).toContain('visitation.open:read:visitation');
    expect(actions).toContain('visitation.decide:write:visitation');
    expect(actions).toContain('screening.read_answers:read:screening');
    const byJens = log.filter((e) => e.actorId === jens.aadObjectId && e.outcome === 'ok').map((e) => e.action);
    expect(byJens).toEqual(expect.arrayContaining(['screening.read_answers', 'screening.summary']));
    for (const e of log) expect(e.correlationId).toBeTruthy();

    await h.say(anna, 'mine screeninger');
    const since = (
      await h.services.audit.listSince(TEST_TENANT, new Date('2026-03-10T00:00:00Z'), { maxItemCount: 500 })
    ).items;
    expect(since.some((e) => e.action === 'screening.list_own' && e.actorId === anna.aadObjectId)).toBe(true);
  });
});
