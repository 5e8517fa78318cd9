import { documentsOf } from '../privacy/fixtures';
import { randomUUID } from 'node:crypto';
import { type BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { withJobformidler } from '../harness/jobformidler-fixture';
import { ManualClock } from '../../bot/domain/clock';
import { validateCard } from '../../cards/validate';
import { AgreementRepository } from '../../bot/store/agreement-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { CHECKLIST_ITEMS } from '../../bot/domain/work-agreement';
import type { AdaptiveCard } from '../../cards/types';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';

/** The six critical items filled in, as a jobformidler would after the conversation. */
const CRITICAL = {
  s_TASKS: 'AGREED',
  v_TASKS: 'Plukke og pakke varer',
  s_WORKING_HOURS: 'AGREED',
  v_WORKING_HOURS: '30',
  s_ORDINARY_HOURS_FROM_START: 'AGREED',
  v_ORDINARY_HOURS_FROM_START: '7,5',
  s_ORDINARY_HOURS_PLAN: 'AGREED',
  v_ORDINARY_HOURS_PLAN: '1/5: 15 t, 1/7: 25 t',
  s_MILESTONES: 'AGREED',
  v_MILESTONES: 'Truckcertifikat i maj',
  s_FOLLOW_UP_PLAN: 'AGREED',
  v_FOLLOW_UP_PLAN: 'Trepartssamtale hver 14. dag',
};

describe('work agreement (arbejdsaftale)', () => {
  const clock = new ManualClock(new Date('2025-03-10T08:30:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  withJobformidler(clock, (ready) => ({ h, jf } = ready));

  async function newAgreement(caseRef: string, fields: Record<string, string> = {}): Promise<AdaptiveCard> {
    const form = await h.execute(jf, 'agreement.new', { caseRef });
    const r = await h.execute(jf, 'agreement.create', {
      ...buttonData(form.card, 'agreement.create'),
      placementType: 'COMPANY_INTERNSHIP',
      cvr: '10150817',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
      ...fields,
    });
    return r.card!;
  }

  /** Saves the card with its current inputs, changed by `fields`. */
  const save = (card: AdaptiveCard | undefined, fields: Record<string, string>, where = {}) =>
    h.execute(jf, 'agreement.save', { ...buttonData(card, 'agreement.save'), ...inputValues(card), ...fields }, where);

  it('creates an agreement from a valid CVR and completes the checklist', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    expect(cardText(card)).toContain('Arbejdsaftalen er oprettet');
    expect(cardText(card)).toContain('0 af 6 centrale punkter på plads · 0 af 19 punkter drøftet');
    expect(cardText(card)).toContain('★ Arbejdsopgaver (konkrete)');

    const half = await save(card, { s_TASKS: 'AGREED', v_TASKS: 'Plukke varer', s_PAYSLIP_TO_BENEFITS: 'AGREED' });
    expect(cardText(half.card)).toContain('1 af 6 centrale punkter på plads · 2 af 19 punkter drøftet');
    expect(cardText(half.card)).toContain('Mangler: ★'.slice(0, 8));

    const done = await save(half.card, { ...CRITICAL, agreedAt: '2025-03-07', signedAt: '2025-03-10' });
    const text = cardText(done.card);
    expect(text).toContain('Arbejdsaftalen er gemt.');
    expect(text).toContain('6 af 6 centrale punkter på plads');
    expect(text).toContain('Alle centrale punkter er på plads.');
    expect(text).toContain('Status: Underskrevet');

    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts?.agreements).toEqual([
      expect.objectContaining({
        complete: true,
        ordinaryHoursFromStart: true,
        ordinaryHoursAtStart: 7.5,
        agreedAt: '2025-03-07',
        signedAt: '2025-03-10',
        placementType: 'COMPANY_INTERNSHIP',
        missingCritical: [],
      }),
    ]);
    const caseCard = await h.execute(jf, 'case.open', { caseRef });
    expect(cardText(caseCard.card)).toContain('Lageret A/S · Underskrevet');
  });

  it('keeps revisions with what changed, and marks a changed agreement as revised', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    const agreed = await save(card, { ...CRITICAL, agreedAt: '2025-03-07' });
    expect(cardText(agreed.card)).toContain('Status: Aftalt');
    const revised = await save(agreed.card, { v_WORKING_HOURS: '32', reason: 'Borgeren vil gerne mere' });
    expect(cardText(revised.card)).toContain('Status: Justeret');
    expect(cardText(revised.card)).toContain('10.03.2025: Arbejdstid (timer om ugen i alt) – Borgeren vil gerne mere');
    const stored = (await new AgreementRepository(h.services.store).get(
      jf.tenantId,
      caseRef,
      String(buttonData(revised.card, 'agreement.save').agreementId),
    ))!;
    expect(stored.revisions.at(-1)).toMatchObject({
      by: jf.aadObjectId,
      version: 3,
      changes: [{ key: 'WORKING_HOURS', from: 'AGREED: 30', to: 'AGREED: 32' }],
      reason: 'Borgeren vil gerne mere',
    });
    const nothing = await save(revised.card, {});
    expect(cardText(nothing.card)).toContain('Der var ingen ændringer at gemme.');
  });

  it('refuses a bad CVR, more than 37 hours in a praktik, missing values and bad dates – writing nothing', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const badCvr = await newAgreement(caseRef, { cvr: '10150818' });
    expect(cardText(badCvr)).toContain('CVR-nummeret skal være 8 cifre og gå op i kontrolcifferet');
    expect(inputValues(badCvr).companyName).toBe('Lageret A/S');
    const facts = new CaseFactsRepository(h.services.store);
    expect((await facts.get(jf.tenantId, caseRef))?.agreements ?? []).toEqual([]);

    const card = await newAgreement(caseRef);
    const agreementId = String(buttonData(card, 'agreement.save').agreementId);
    const repo = new AgreementRepository(h.services.store);
    const before = await repo.get(jf.tenantId, caseRef, agreementId);

    const tooMany = await save(card, { ...CRITICAL, v_WORKING_HOURS: '38' });
    expect(cardText(tooMany.card)).toContain('Arbejdstiden i en praktik kan ikke være over 37 timer om ugen.');
    expect(inputValues(tooMany.card).v_WORKING_HOURS).toBe('38');
    const notHours = await save(card, { ...CRITICAL, v_ORDINARY_HOURS_FROM_START: 'lidt' });
    expect(cardText(notHours.card)).toContain('skal være et antal timer om ugen mellem 0 og 37');
    const moreOrdinary = await save(card, { ...CRITICAL, v_ORDINARY_HOURS_FROM_START: '31' });
    expect(cardText(moreOrdinary.card)).toContain('ikke være flere end den samlede arbejdstid');
    const noValue = await save(card, { ...CRITICAL, v_MILESTONES: '' });
    expect(cardText(noValue.card)).toContain('Skriv, hvad der er aftalt, under "Delmål".');
    const noReason = await save(card, {
      ...CRITICAL,
      s_ORDINARY_HOURS_PLAN: 'NOT_RELEVANT',
      v_ORDINARY_HOURS_PLAN: '',
    });
    expect(cardText(noReason.card)).toContain('Skriv hvorfor i feltet "Begrundelse, hvis ikke relevant"');
    const signedFirst = await save(card, { ...CRITICAL, signedAt: '2025-03-05' });
    expect(cardText(signedFirst.card)).toContain('Udfyld "Aftalt den", før aftalen kan være underskrevet.');
    const order = await save(card, { ...CRITICAL, agreedAt: '2025-03-06', signedAt: '2025-03-05' });
    expect(cardText(order.card)).toContain('"Underskrevet den" kan ikke ligge før "Aftalt den".');
    const future = await save(card, { ...CRITICAL, agreedAt: '2025-03-11' });
    expect(cardText(future.card)).toContain('"Aftalt den" kan ikke ligge efter i dag.');
    const cpr = await save(card, { ...CRITICAL, v_MENTOR: 'Mentor 150385-1234' });
    expect(cardText(cpr.card)).toContain('CPR-nummer');

    const after = await repo.get(jf.tenantId, caseRef, agreementId);
    expect(after?._etag).toBe(before?._etag);

    // In a wage subsidy job, 40 hours is a normal week.
    const wage = await save(card, { ...CRITICAL, placementType: 'WAGE_SUBSIDY_PRIVATE', v_WORKING_HOURS: '40' });
    expect(cardText(wage.card)).toContain('Arbejdsaftalen er gemt.');
  });

  it('takes "not relevant" ordinary hours with a reason of their own, and says what is missing without one', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    // Each ordinary-hours item has a field for the reason the rule asks for.
    expect(inputValues(card)).toHaveProperty('r_ORDINARY_HOURS_FROM_START');
    expect(inputValues(card)).toHaveProperty('r_ORDINARY_HOURS_PLAN');
    const documents = () => documentsOf(h.services, ['cases']);
    const before = await documents();

    const notRelevant = {
      ...CRITICAL,
      s_ORDINARY_HOURS_FROM_START: 'NOT_RELEVANT',
      v_ORDINARY_HOURS_FROM_START: '',
      s_ORDINARY_HOURS_PLAN: 'NOT_RELEVANT',
      v_ORDINARY_HOURS_PLAN: '',
      r_ORDINARY_HOURS_PLAN: 'Lønnede timer aftales, når praktikken er evalueret',
      agreedAt: '2025-03-07',
    };
    const refused = await save(card, notRelevant);
    const text = cardText(refused.card);
    const message =
      '"Ordinære (lønnede) timer fra start (timer om ugen)" er sat til "Ikke relevant". Skriv hvorfor i feltet "Begrundelse, hvis ikke relevant" lige under punktet.';
    expect(text).toContain(message);
    expect(text).toContain(`Aftalen er ikke gemt: ${message}`); // beside the buttons too
    // What was typed stays; nothing is stored; a placement cannot be started from it.
    expect(inputValues(refused.card)).toMatchObject({
      s_ORDINARY_HOURS_FROM_START: 'NOT_RELEVANT',
      r_ORDINARY_HOURS_PLAN: 'Lønnede timer aftales, når praktikken er evalueret',
      v_TASKS: 'Plukke og pakke varer',
      agreedAt: '2025-03-07',
    });
    expect(actionsOf(refused.card).map((a) => a.verb)).not.toContain('placement.new');
    expect(await documents()).toEqual(before);

    const saved = await save(refused.card, {
      ...notRelevant,
      r_ORDINARY_HOURS_FROM_START: 'Borgeren starter med praktik uden løn de første 4 uger',
    });
    expect(cardText(saved.card)).toContain('Arbejdsaftalen er gemt.');
    expect(cardText(saved.card)).toContain('6 af 6 centrale punkter på plads');
    expect(cardText(saved.card)).toContain('Status: Aftalt');
    expect(inputValues(saved.card).r_ORDINARY_HOURS_FROM_START).toBe(
      'Borgeren starter med praktik uden løn de første 4 uger',
    );
    expect(actionsOf(saved.card).map((a) => a.verb)).toContain('placement.new');
    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts?.agreements).toEqual([
      expect.objectContaining({ complete: true, ordinaryHoursFromStart: false, ordinaryHoursAtStart: 0 }),
    ]);
  });

  it('offers "Start forløb" only on a card whose agreement is complete', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    expect(actionsOf(card).map((a) => a.verb)).not.toContain('placement.new');
    const half = await save(card, { s_TASKS: 'AGREED', v_TASKS: 'Plukke varer' });
    expect(actionsOf(half.card).map((a) => a.verb)).not.toContain('placement.new');
    const done = await save(half.card, CRITICAL);
    expect(actionsOf(done.card).map((a) => a.verb)).toContain('placement.new');
    // A refused save of a complete agreement: the card holds unsaved changes, so no placement from it.
    const refused = await save(done.card, { v_WORKING_HOURS: '38' });
    expect(actionsOf(refused.card).map((a) => a.verb)).not.toContain('placement.new');
  });

  it('gives the later of two saves of one agreement the current version, a notice and its own unsaved changes', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    // The same agreement open on two devices (or in a chat and 1:1).
    const other = (await h.execute(jf, 'agreement.open', buttonData(card, 'agreement.save'))).card;
    const first = await save(card, { s_TASKS: 'AGREED', v_TASKS: 'Lager' });
    expect(cardText(first.card)).toContain('Arbejdsaftalen er gemt.');
    const second = await save(other, { s_WORKING_HOURS: 'AGREED', v_WORKING_HOURS: '25' });
    const text = cardText(second.card);
    expect(text).toContain('En anden har gemt ændringer imens');
    expect(text).toContain('Det, du prøvede at gemme (ikke gemt):');
    expect(text).toContain('Arbejdstid (timer om ugen i alt): Aftalt – 25');
    // The first save's change is not presented as this user's: they never touched it.
    expect(text).not.toContain('Arbejdsopgaver (konkrete): Ikke drøftet');
    expect(inputValues(second.card).v_TASKS).toBe('Lager'); // the first save is shown, not lost
    // Saving again from the current version keeps both.
    const merged = await save(second.card, { s_WORKING_HOURS: 'AGREED', v_WORKING_HOURS: '25' });
    expect(cardText(merged.card)).toContain('Arbejdsaftalen er gemt.');
    expect(inputValues(merged.card)).toMatchObject({ v_TASKS: 'Lager', v_WORKING_HOURS: '25' });
  });

  it('lets exactly one of two simultaneous saves win, and saves a repeated click once', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    const base = { ...buttonData(card, 'agreement.save'), ...inputValues(card) };
    const [a, b] = await Promise.all([
      h.execute(jf, 'agreement.save', { ...base, submissionId: randomUUID(), s_TASKS: 'AGREED', v_TASKS: 'A' }),
      h.execute(jf, 'agreement.save', { ...base, submissionId: randomUUID(), s_TASKS: 'AGREED', v_TASKS: 'B' }),
    ]);
    const outcomes = [cardText(a.card), cardText(b.card)].map((t) =>
      t.includes('Arbejdsaftalen er gemt.') ? 'saved' : t.includes('En anden har gemt') ? 'conflict' : 'other',
    );
    expect(outcomes.sort()).toEqual(['conflict', 'saved']);

    const again = await h.execute(jf, 'agreement.open', buttonData(card, 'agreement.save'));
    const click = { ...buttonData(again.card, 'agreement.save'), ...inputValues(again.card), v_MENTOR: 'Kollega Ib' };
    await Promise.all([h.execute(jf, 'agreement.save', click), h.execute(jf, 'agreement.save', click)]);
    const repeat = await h.execute(jf, 'agreement.save', click);
    expect(cardText(repeat.card)).toContain('Arbejdsaftalen er gemt.');
    const stored = await new AgreementRepository(h.services.store).get(jf.tenantId, caseRef, String(base.agreementId));
    expect(stored?.revisions.filter((r) => r.changes.some((c) => c.key === 'MENTOR'))).toHaveLength(1);
  });

  it('creates one agreement from a double-clicked create button', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = await h.execute(jf, 'agreement.new', { caseRef });
    const data = {
      ...buttonData(form.card, 'agreement.create'),
      placementType: 'COMPANY_INTERNSHIP',
      cvr: '10150817',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
    };
    const [x, y] = await Promise.all([
      h.execute(jf, 'agreement.create', data),
      h.execute(jf, 'agreement.create', data),
    ]);
    expect(buttonData(x.card, 'agreement.save').agreementId).toBe(buttonData(y.card, 'agreement.save').agreementId);
    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts?.agreements).toHaveLength(1);
  });

  it('a case card forwarded to a group chat saves nothing there and updates nobody’s copy', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    const before = await documentsOf(h.services, ['cases', 'sensitive']);
    const where = { kind: 'groupChat' as const, conversationId: '19:chat@thread.v2', replyToId: 'activity-1' };
    const r = await save(card, { s_TASKS: 'AGREED', v_TASKS: 'Lager' }, where);
    expect(cardText(r.card)).toContain('Det tager vi i din egen chat med Fremdrift');
    expect(cardText(r.card)).not.toContain(caseRef);
    expect(r.sent.filter((c) => c.kind === 'update')).toEqual([]);
    // (the bot notes the new group chat's installation in `directory`; the case's documents stay as they were)
    expect(await documentsOf(h.services, ['cases', 'sensitive'])).toEqual(before);
  });

  it('stays under the card size limit with every item filled to the maximum', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    const long = 'ø'.repeat(250);
    const fields: Record<string, string> = { ...CRITICAL };
    for (const item of CHECKLIST_ITEMS)
      if (item.kind !== 'hours') {
        fields[`s_${item.key}`] = 'AGREED';
        fields[`v_${item.key}`] = long;
      }
    const stale = (await h.execute(jf, 'agreement.open', buttonData(card, 'agreement.save'))).card;
    const r = await save(card, fields);
    expect(cardText(r.card)).toContain('Arbejdsaftalen er gemt.');
    expect(validateCard(r.card!).errors).toEqual([]);
    // The worst case: a conflict on every item, with the user's own long values listed too.
    const other = Object.fromEntries(
      Object.entries(fields).map(([k, val]) => [k, k.startsWith('v_') && val === long ? 'å'.repeat(250) : val]),
    );
    const conflict = await save(stale, other);
    expect(cardText(conflict.card)).toContain('En anden har gemt ændringer imens');
    expect(validateCard(conflict.card!).errors).toEqual([]);
    // A refused save shows everything typed: every value and both reasons at their longest.
    const refused = await save(r.card, {
      ...fields,
      v_ORDINARY_HOURS_FROM_START: long,
      r_ORDINARY_HOURS_FROM_START: long,
      r_ORDINARY_HOURS_PLAN: long,
      s_ORDINARY_HOURS_PLAN: 'NOT_RELEVANT',
    });
    expect(cardText(refused.card)).toContain('skal være et antal timer om ugen');
    expect(validateCard(refused.card!).errors).toEqual([]);
  });

  it('shows an admin the agreement read-only, and lets nobody else open it', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const card = await newAgreement(caseRef);
    const ids = buttonData(card, 'agreement.save');
    const admin = await h.userWithRoles('Ada', ['admin']);
    const view = await h.execute(admin, 'agreement.open', { caseRef, agreementId: ids.agreementId });
    expect(cardText(view.card)).toContain('Lageret A/S (CVR 10150817), Bo Hansen');
    expect(actionsOf(view.card).map((a) => a.verb)).not.toContain('agreement.save');
    const other = await h.userWithRoles('Olga', ['jobformidler']);
    const refused = await h.execute(other, 'agreement.open', { caseRef, agreementId: ids.agreementId });
    expect(cardText(refused.card)).toContain('Du har ikke adgang til denne sag');
    const write = await h.execute(other, 'agreement.save', { ...ids, ...inputValues(card), v_TASKS: 'x' });
    expect(cardText(write.card)).toContain('Du har ikke adgang til denne sag');
  });
});
