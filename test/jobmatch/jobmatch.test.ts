import { ManualClock } from '../../bot/domain/clock';
import { previewsSettled } from '../../bot/features/digest/preview';
import { AgreementRepository } from '../../bot/store/agreement-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { JobMatchRepository } from '../../bot/store/job-match-repository';
import { PlacementRepository } from '../../bot/store/placement-repository';
import { agreementIdOf } from '../../bot/features/jobmatch/take-match';
import type { AdaptiveCard } from '../../cards/types';
import type { CapturedCall } from '../harness/capturing-connector';
import { BotHarness, actionsOf, assertCardValid, cardText, type TestUser } from '../harness/bot-harness';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';
import { allItems, documentsOf } from '../privacy/fixtures';

/**
 * Issue 14's "done when", over HTTP with real activities: a virksomhedskonsulent creates a company
 * and an opening; a jobformidler gets a match suggestion for a citizen whose A goal fits, takes it,
 * and a work agreement opens pre-filled; a company contact and an outreach visit are logged; the
 * leader's digest shows them in M14 and M15, small numbers suppressed.
 */
describe('job match, from the opening to the work agreement and the digest', () => {
  // Tuesday 3 March 2026, 10:30 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-03T09:30:00Z'));
  const DAY = 86_400_000;
  let h: BotHarness;
  let vk: TestUser;
  let jf: TestUser;
  let other: TestUser;
  let openingId: string;
  const FITS = 'FR-MATCH-0001';
  const COOK = 'FR-MATCH-0002';
  const C_GOAL = 'FR-MATCH-0003';
  const OTHERS = 'FR-MATCH-0004';

  const submit = (user: TestUser, card: AdaptiveCard | undefined, verb: string, fields: Record<string, string> = {}) =>
    h.execute(user, verb, { ...buttonData(card, verb), ...inputValues(card), ...fields });

  async function setGoals(user: TestUser, caseRef: string, goals: Record<string, string>): Promise<void> {
    const form = await h.execute(user, 'case.goals.edit', { caseRef });
    const saved = await submit(user, form.card, 'case.goals.save', goals);
    expect(cardText(saved.card)).toContain('Jobmålene er gemt');
  }

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    vk = await h.userWithRoles('Vera Virksomhedskonsulent', ['virksomhedskonsulent']);
    jf = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    other = await h.userWithRoles('Olga Anden', ['jobformidler']);
    for (const u of [vk, jf, other]) await h.say(u, 'hjælp');
    for (const ref of [FITS, COOK, C_GOAL])
      await handedOverCase(h.services, jf, { caseRef: ref, conversationAt: '2026-02-02' });
    await handedOverCase(h.services, other, { caseRef: OTHERS, conversationAt: '2026-02-02' });
    await setGoals(jf, FITS, { goalA_title: 'Lagermedarbejder', goalA_actions: 'Truckkort', goalA_own: 'true' });
    await setGoals(jf, COOK, { goalA_title: 'Kok', goalA_actions: 'Hygiejnebevis' });
    await setGoals(jf, C_GOAL, { goalA_title: 'Butiksassistent', goalC_title: 'Lager og logistik' });
    await setGoals(other, OTHERS, { goalA_title: 'Lagermedarbejder' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the virksomhedskonsulent creates a company and an opening', async () => {
    const form = await h.say(vk, 'ny virksomhed');
    const company = await submit(vk, form.cards[0], 'company.create', {
      cvr: '24256790',
      name: 'Lageret A/S',
      postcode: '8200',
      city: 'Aarhus N',
      openTo: 'ORDINARY_HOURS,JOB',
      person1_name: 'Bo Hansen',
      person1_phone: '86 12 34 56',
    });
    const openingForm = await h.execute(vk, 'opening.new', buttonData(company.card, 'opening.new'));
    const created = await submit(vk, openingForm.card, 'opening.create', {
      title: 'Lagermedarbejder',
      occupationCode: '932100',
      placementType: 'ORDINARY_PAID_HOURS',
      hoursPerWeek: '25',
      ordinaryHoursFromStart: '8',
      tasks: 'Plukke og pakke varer; senere truckkørsel',
      accommodationPossible: 'true',
      fromDate: '2026-04-01',
    });
    expect(cardText(created.card)).toContain('Jobåbningen er oprettet.');
    openingId = String(actionsOf(created.card).find((a) => a.verb === 'opening.edit')?.data.openingId);
    expect(openingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('suggests the opening for the citizen whose A goal fits, says why, and decides nothing', async () => {
    const profile = await h.execute(jf, 'jobmatch.profile.edit', { caseRef: FITS });
    const bad = await submit(jf, profile.card, 'jobmatch.profile.save', { codeA: '93', area: '8200-8000' });
    expect(cardText(bad.card)).toContain('Stillingskoden skal være en DISCO-08-kode på 4 eller 6 cifre.');
    const fixed = await submit(jf, bad.card, 'jobmatch.profile.save', {
      codeA: '9321',
      startHours: '10',
      area: '8000-8270',
    });
    const text = cardText(fixed.card);
    expect(text).toContain('Jobmatch-oplysningerne er gemt.');
    expect(text).toContain('**Lagermedarbejder** – Lageret A/S');
    expect(text).toContain('Passer på A-jobmålet: Lagermedarbejder');
    expect(text).toContain('Samme stillingskode (932100)');
    expect(text).toContain('Ord til fælles: lagermedarbejder');
    expect(text).toContain('Kan starte med 10 timer – jobbet har op til 25');
    expect(text).toContain('Ligger i borgerens område (8200 Aarhus N)');
    expect(text).toContain('Fremdrift foreslår – du og borgeren beslutter.');
    // The suggestion is recorded as proposed; no agreement exists until the jobformidler takes it.
    const match = await new JobMatchRepository(h.services.store).get(jf.tenantId, FITS, openingId);
    expect(match).toMatchObject({ status: 'PROPOSED', proposedOn: '2026-03-03', sharedWith: [] });
    expect(
      await new AgreementRepository(h.services.store).get(jf.tenantId, FITS, agreementIdOf(openingId)),
    ).toBeUndefined();
    // Shown again, nothing new is written.
    const before = await documentsOf(h.services);
    const again = await h.say(jf, `jobmatch ${FITS}`);
    expect(cardText(again.cards[0])).toContain('**Lagermedarbejder** – Lageret A/S');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('a citizen whose goals do not fit gets no suggestion', async () => {
    const r = await h.say(jf, `jobmatch ${COOK}`);
    expect(cardText(r.cards[0])).toContain('Ingen åbne jobåbninger passer på borgerens jobmål lige nu.');
  });

  it('"Find borgere" on the opening lists only the jobformidler’s own citizens whose goals fit; one is set aside', async () => {
    const opening = await h.execute(jf, 'opening.open', { openingId });
    const found = await h.execute(jf, 'jobmatch.for_opening', buttonData(opening.card, 'jobmatch.for_opening'));
    const text = cardText(found.card);
    expect(text).toContain(`**${FITS}** – A-jobmål: Lagermedarbejder`);
    expect(text).toContain(`**${C_GOAL}** – C-jobmål: Lager og logistik`);
    expect(text).toContain('Ord til fælles: lager');
    expect(text).not.toContain(COOK);
    expect(text).not.toContain(OTHERS); // Olga's citizen: never considered for Jonas
    // Best first: the A goal with code, words, hours and area before the C goal with a word in common.
    expect(text.indexOf(FITS)).toBeLessThan(text.indexOf(C_GOAL));

    const dismiss = actionsOf(found.card).find((a) => a.verb === 'jobmatch.dismiss' && a.data.caseRef === C_GOAL)!;
    const after = await h.execute(jf, 'jobmatch.dismiss', dismiss.data);
    expect(cardText(after.card)).toContain('Forslaget er fravalgt og vises ikke igen');
    expect(cardText(after.card)).not.toContain(C_GOAL);
    expect(await new JobMatchRepository(h.services.store).get(jf.tenantId, C_GOAL, openingId)).toMatchObject({
      status: 'DECLINED',
      decidedBy: jf.aadObjectId,
    });
  });

  it('taking the match starts a work agreement pre-filled from the opening and the company; a second click opens the same', async () => {
    const card = await h.say(jf, `jobmatch ${FITS}`);
    const take = actionsOf(card.cards[0]).find((a) => a.verb === 'jobmatch.take')!;
    const taken = await h.execute(jf, 'jobmatch.take', take.data);
    const text = cardText(taken.card);
    expect(text).toContain('Matchet er taget, og en arbejdsaftale er startet');
    expect(text).toContain('0 af 6 centrale punkter på plads'); // pre-filled, but not agreed for anyone
    expect(inputValues(taken.card)).toMatchObject({
      placementType: 'ORDINARY_PAID_HOURS',
      cvr: '24256790',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
      v_TASKS: 'Plukke og pakke varer; senere truckkørsel',
      v_WORKING_HOURS: '25',
      v_ORDINARY_HOURS_FROM_START: '8',
      v_COMPANY_CONTACT: 'Bo Hansen, 86 12 34 56',
      v_START_AND_DURATION: 'Fra 01.04.2026',
      s_TASKS: 'NOT_DISCUSSED',
    });
    const agreement = await new AgreementRepository(h.services.store).get(jf.tenantId, FITS, agreementIdOf(openingId));
    expect(agreement).toMatchObject({ companyId: 'company:24256790', status: 'DRAFT' });
    const match = await new JobMatchRepository(h.services.store).get(jf.tenantId, FITS, openingId);
    expect(match).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: jf.aadObjectId,
      agreementId: agreementIdOf(openingId),
      sharedWith: [vk.aadObjectId],
    });
    const before = await documentsOf(h.services);
    const twice = await h.execute(jf, 'jobmatch.take', take.data);
    expect(inputValues(twice.card)).toMatchObject({
      cvr: '24256790',
      v_TASKS: 'Plukke og pakke varer; senere truckkørsel',
    });
    const agreements = (await allItems(h.services.store.containers.cases)).filter(
      (d) => d.type === 'work_agreement' && d.caseRef === FITS,
    );
    expect(agreements).toHaveLength(1);
    // Only the facts' rebuild time may change on the repeated click.
    const changed = (await documentsOf(h.services)).filter((d) => !before.includes(d));
    expect(changed.every((d) => d.includes(':case_facts@'))).toBe(true);
  });

  it('the company side sees the case reference it was shared, and nothing more of the citizen', async () => {
    const card = cardText((await h.execute(vk, 'opening.open', { openingId })).card);
    expect(card).toContain('2 foreslået · 1 taget · 0 kom i forløb');
    expect(card).toContain(`${FITS} – Jonas Jobformidler, 03.03.2026`);
    expect(card).not.toContain(C_GOAL);
    const reads = (await allItems(h.services.store.containers.audit)).filter(
      (e) => e.action === 'jobmatch.shared.read' && e.actorId === vk.aadObjectId,
    );
    expect(reads).toEqual([expect.objectContaining({ caseRef: FITS, kind: 'read', outcome: 'ok' })]);
    expect((await h.say(vk, `sag ${FITS}`)).texts[0]).toContain('Det har din rolle ikke adgang til');
    expect((await h.say(vk, `jobmatch ${FITS}`)).texts[0]).toContain('Det har din rolle ikke adgang til');
    // Another jobformidler sees the counts, not whose citizen it is.
    const theirs = cardText((await h.execute(other, 'opening.open', { openingId })).card);
    expect(theirs).toContain('1 taget');
    expect(theirs).not.toContain(FITS);
  });

  it('the placement started from the agreement belongs to the company and counts for the match', async () => {
    const agreement = await h.execute(jf, 'agreement.open', { caseRef: FITS, agreementId: agreementIdOf(openingId) });
    // The match's agreement is pre-filled, not complete: "Start forløb" comes once the six critical items are settled.
    expect(actionsOf(agreement.card).some((a) => a.verb === 'placement.new')).toBe(false);
    const critical = ['TASKS', 'WORKING_HOURS', 'ORDINARY_HOURS_FROM_START', 'ORDINARY_HOURS_PLAN', 'MILESTONES'];
    const complete = await h.execute(jf, 'agreement.save', {
      ...buttonData(agreement.card, 'agreement.save'),
      ...inputValues(agreement.card),
      ...Object.fromEntries([...critical, 'FOLLOW_UP_PLAN'].map((key) => [`s_${key}`, 'AGREED'])),
      v_TASKS: 'Plukke varer',
      v_WORKING_HOURS: '30',
      v_ORDINARY_HOURS_FROM_START: '5',
      v_ORDINARY_HOURS_PLAN: '+5 timer om måneden',
      v_MILESTONES: 'Truckcertifikat',
      v_FOLLOW_UP_PLAN: 'Hver 14. dag',
    });
    const form = await h.execute(jf, 'placement.new', buttonData(complete.card, 'placement.new'));
    const saved = await submit(jf, form.card, 'placement.save', { status: 'ACTIVE', startDate: '2026-03-03' });
    expect(cardText(saved.card)).toContain('Forløbet er gemt');
    const [placement] = await new PlacementRepository(h.services.store).listForCase(jf.tenantId, FITS);
    expect(placement).toMatchObject({ companyId: 'company:24256790', agreementId: agreementIdOf(openingId) });
    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, FITS);
    expect(facts?.matches).toEqual([
      expect.objectContaining({
        openingId,
        status: 'ACCEPTED',
        decidedOn: '2026-03-03',
        placementStartedOn: '2026-03-03',
      }),
    ]);
    expect(cardText((await h.execute(vk, 'opening.open', { openingId })).card)).toContain('1 kom i forløb');
    const company = cardText((await h.say(jf, 'virksomhed 24256790')).cards[0]);
    expect(company).toContain('1 arbejdsaftaler · 1 forløb, heraf 1 i gang');
    expect(company).toContain(`${FITS}: Ordinære løntimer, Aktiv`);
    const forVk = cardText((await h.say(vk, 'virksomhed 24256790')).cards[0]);
    expect(forVk).toContain('1 arbejdsaftaler · 1 forløb, heraf 1 i gang');
    expect(forVk).not.toContain(FITS);
  });

  it('a closed opening can no longer be taken, and nothing is written', async () => {
    const open = await h.execute(vk, 'opening.open', { openingId });
    const edit = await h.execute(vk, 'opening.edit', buttonData(open.card, 'opening.edit'));
    await submit(vk, edit.card, 'opening.save', { status: 'FILLED' });
    await setGoals(jf, COOK, { goalA_title: 'Lagermedarbejder' });
    const before = await documentsOf(h.services);
    const r = await h.execute(jf, 'jobmatch.take', { caseRef: COOK, openingId });
    expect(cardText(r.card)).toContain('Jobåbningen er ikke længere åben, så matchet kan ikke tages.');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('the leader’s digest shows the company contacts and the visit in M14 and M15, small numbers hidden', async () => {
    const company = await h.say(jf, 'virksomhed 24256790');
    const form = await h.execute(jf, 'company.contact.new', buttonData(company.cards[0], 'company.contact.new'));
    await submit(jf, form.card, 'company.contact.save', { kind: 'PLACEMENT_FOLLOW_UP', mode: 'PHONE', cases: FITS });
    const visit = await h.execute(vk, 'company.contact.new', buttonData(company.cards[0], 'company.contact.new'));
    await submit(vk, visit.card, 'company.contact.save', { kind: 'OUTREACH_VISIT' });

    clock.advance(7 * DAY); // the digest of the week after covers 9 February – 8 March
    const lea = await h.userWithRoles('Lea Leder', ['leder']);
    const since = h.connector.calls.length;
    await h.say(lea, 'vis ugerapport');
    await previewsSettled();
    const cards = h.connector.calls
      .slice(since)
      .filter((c: CapturedCall) => c.kind === 'send' || c.kind === 'reply' || c.kind === 'create')
      .flatMap((c) => {
        const activity = (c.kind === 'create' ? c.body.activity : c.body) as {
          attachments?: { content: AdaptiveCard }[];
        };
        return (activity?.attachments ?? []).map((a) => a.content);
      });
    expect(cards).toHaveLength(1);
    assertCardValid(cards[0]!);
    const text = cardText(cards[0]);
    expect(text).toContain('Virksomhedsrettet aktivitet');
    expect(text).toMatch(/Virksomhedsbesøg \(4 uger\)\n< 5/);
    expect(text).toMatch(/Jobåbninger \(4 uger\)\n< 5/);
    expect(text).toMatch(/Jobmatch foreslået \(4 uger\)\n< 5/);
    expect(text).toContain('Borger- og virksomhedsrettet');
    // The leader's own view: company contacts per staff member, by name.
    expect(text).toContain('Vera Virksomhedskonsulent');
    expect(text).toMatch(
      /Vera Virksomhedskonsulent\n0 sager · 0 overskredet · 0 jobsamtaler i sidste uge · 1 virksomhedskontakt/,
    );
    expect(text).toMatch(/Jonas Jobformidler\n3 sager[^\n]*· 1 virksomhedskontakt de seneste 4 uger/);
  });
});
