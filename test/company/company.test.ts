import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { CompanyRepository } from '../../bot/store/company-repository';
import { FollowUpRepository } from '../../bot/store/follow-up-repository';
import { readCaseWork } from '../../bot/store/case-work-partition';
import { followUpOfWork } from '../../bot/domain/case-follow-up';
import { BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';
import { allItems, documentsOf } from '../privacy/fixtures';
import type { AdaptiveCard } from '../../cards/types';

/**
 * Companies as records of their own (issue 14, item 1–3): the virksomhedskonsulent and the
 * jobformidler create, find and edit companies, add job openings and log company-directed contacts,
 * over HTTP with real activities against the embedded store.
 */
describe('companies, openings and company contacts', () => {
  // Tuesday 3 March 2026, 10:30 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-03T09:30:00Z'));
  let h: BotHarness;
  let vk: TestUser;
  let jf: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    vk = await h.userWithRoles('Vera Virksomhedskonsulent', ['virksomhedskonsulent']);
    jf = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    other = await h.userWithRoles('Olga Anden', ['jobformidler']);
    for (const u of [vk, jf, other]) await h.say(u, 'hjælp'); // records the users; later turns write nothing new
  });
  afterAll(async () => {
    await h?.stop();
  });

  const submit = (user: TestUser, card: AdaptiveCard | undefined, verb: string, fields: Record<string, string>) =>
    h.execute(user, verb, { ...buttonData(card, verb), ...inputValues(card), ...fields });

  async function createCompany(user: TestUser, fields: Record<string, string>): Promise<AdaptiveCard | undefined> {
    const form = await h.say(user, 'ny virksomhed');
    return (await submit(user, form.cards[0], 'company.create', fields)).card;
  }

  it('refuses a CVR that fails modulus 11 on the form, keeps what was typed, and writes nothing', async () => {
    const before = await documentsOf(h.services);
    const form = await h.say(vk, 'ny virksomhed');
    expect(cardText(form.cards[0])).toContain('Ny virksomhed');
    const r = await submit(vk, form.cards[0], 'company.create', {
      cvr: '12345678',
      name: 'Lageret A/S',
      city: 'Aarhus',
    });
    expect(cardText(r.card)).toContain('CVR-nummeret skal være 8 cifre og gå op i kontrolcifferet');
    expect(inputValues(r.card)).toMatchObject({ cvr: '12345678', name: 'Lageret A/S', city: 'Aarhus' });
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('creates a company with contact persons and what it is open to; the same CVR again opens that record', async () => {
    const card = await createCompany(vk, {
      cvr: 'DK 24 25 67 90',
      name: 'Lageret A/S',
      address: 'Havnevej 4',
      postcode: '8000',
      city: 'Aarhus C',
      industry: '52.10.00',
      openTo: 'ORDINARY_HOURS,INTERNSHIP',
      person1_name: 'Bo Hansen',
      person1_role: 'Lagerchef',
      person1_phone: '+45 86 12 34 56',
      person1_email: 'bo@lageret.dk',
    });
    const text = cardText(card);
    expect(text).toContain('Virksomheden er oprettet.');
    expect(text).toContain('Lageret A/S');
    expect(text).toContain('24256790');
    expect(text).toContain('Havnevej 4, 8000 Aarhus C');
    expect(text).toContain('DB07 521000');
    expect(text).toContain('Ordinære timer, Virksomhedspraktik');
    expect(text).toContain('Bo Hansen');
    expect(text).toContain('Lagerchef · +45 86 12 34 56 · bo@lageret.dk');
    expect(text).toContain('Vera Virksomhedskonsulent'); // the owner, by name
    const stored = await new CompanyRepository(h.services.store).getByCvr(vk.tenantId, '24256790');
    expect(stored).toMatchObject({ name: 'Lageret A/S', ownerId: vk.aadObjectId, origin: 'card' });

    const before = await documentsOf(h.services);
    const again = await createCompany(jf, { cvr: '24256790', name: 'Et andet navn' });
    expect(cardText(again)).toContain('Der findes allerede en virksomhed med CVR-nummer 24256790');
    expect(cardText(again)).toContain('Lageret A/S');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('finds a company by part of its name or by CVR, and offers to add a CVR that has none', async () => {
    await createCompany(vk, { cvr: '12345674', name: 'Byens Bageri ApS', city: 'Aarhus N', postcode: '8200' });
    const byName = await h.say(jf, 'virksomhed bageri');
    expect(cardText(byName.cards[0])).toContain('Byens Bageri ApS');
    expect(cardText(byName.cards[0])).toContain('CVR-nummer');
    const byCvr = await h.say(jf, 'virksomhed 24256790');
    expect(cardText(byCvr.cards[0])).toContain('Lageret A/S');
    const none = await h.say(jf, 'virksomhed 31415926');
    expect(cardText(none.cards[0])).toContain('Der er ingen virksomhed med CVR-nummer 31415926 endnu');
    expect(actionsOf(none.cards[0]).map((a) => [a.verb, a.data.cvr])).toContainEqual(['company.new', '31415926']);
    const list = await h.say(vk, 'virksomheder');
    expect(cardText(list.cards[0])).toMatch(/Byens Bageri ApS[\s\S]*Lageret A\/S/);
    const usage = await h.say(vk, 'virksomhed');
    expect(usage.texts[0]).toContain('Skriv "virksomhed" og et navn eller CVR-nummer');
  });

  it('edits a company over the version the form showed; a stale form keeps the newer save', async () => {
    const open = await h.say(vk, 'virksomhed 24256790');
    const formA = await h.execute(vk, 'company.edit', buttonData(open.cards[0], 'company.edit'));
    const formB = await h.execute(jf, 'company.edit', buttonData(open.cards[0], 'company.edit'));
    const saved = await submit(vk, formA.card, 'company.save', { openTo: 'ORDINARY_HOURS,INTERNSHIP,FLEXJOB' });
    expect(cardText(saved.card)).toContain('Virksomheden er gemt.');
    expect(cardText(saved.card)).toContain('Fleksjob');
    const stale = await submit(jf, formB.card, 'company.save', { notes: 'Gammel udgave' });
    expect(cardText(stale.card)).toContain('En anden har gemt ændringer imens');
    const stored = await new CompanyRepository(h.services.store).getByCvr(vk.tenantId, '24256790');
    expect(stored?.openTo).toEqual(['ORDINARY_HOURS', 'INTERNSHIP', 'FLEXJOB']);
    expect(stored?.notes).toBeUndefined();
  });

  it('adds a job opening from the company card; hours outside 1–37 are refused with the form kept', async () => {
    const open = await h.say(vk, 'virksomhed 24256790');
    const form = await h.execute(vk, 'opening.new', buttonData(open.cards[0], 'opening.new'));
    const before = await documentsOf(h.services);
    const bad = await submit(vk, form.card, 'opening.create', { title: 'Lagermedarbejder', hoursPerWeek: '40' });
    expect(cardText(bad.card)).toContain('"Timer om ugen (højst 37)" skal være et tal mellem 1 og 37.');
    expect(inputValues(bad.card)).toMatchObject({ title: 'Lagermedarbejder', hoursPerWeek: '40' });
    expect(await documentsOf(h.services)).toEqual(before);
    const tooMany = await submit(vk, bad.card, 'opening.create', { hoursPerWeek: '10', ordinaryHoursFromStart: '12' });
    expect(cardText(tooMany.card)).toContain('Der kan ikke være flere ordinære timer fra start end timer i alt');
    const created = await submit(vk, tooMany.card, 'opening.create', {
      hoursPerWeek: '25',
      ordinaryHoursFromStart: '8',
      tasks: 'Plukke og pakke, senere truck',
      accommodationPossible: 'true',
    });
    const text = cardText(created.card);
    expect(text).toContain('Jobåbningen er oprettet.');
    expect(text).toContain('25 om ugen, heraf 8 ordinære fra start');
    expect(text).toContain('0 foreslået · 0 taget · 0 kom i forløb');
    const company = cardText((await h.say(jf, 'virksomhed 24256790')).cards[0]);
    expect(company).toContain('Lagermedarbejder · 25 t./uge');
    expect(cardText((await h.say(jf, 'jobåbninger')).cards[0])).toContain('Lagermedarbejder');
  });

  it('logs an outreach visit on the company; the company side cannot link citizens', async () => {
    const open = await h.say(vk, 'virksomhed bageri');
    const form = await h.execute(vk, 'company.contact.new', buttonData(open.cards[0], 'company.contact.new'));
    expect(cardText(form.card)).toContain('Borgere kan kun knyttes til kontakten af deres egen jobformidler.');
    const saved = await submit(vk, form.card, 'company.contact.save', {
      kind: 'COLD_CANVASS',
      withPerson: 'Indehaveren',
    });
    const text = cardText(saved.card);
    expect(text).toContain('Kontakten er logget.');
    expect(text).toContain('03.03.2026: Kold kanvas (personligt møde), Vera Virksomhedskonsulent');
    // A forged case reference from the company side is refused, and nothing is written.
    const caseRef = await handedOverCase(h.services, jf, { caseRef: 'FR-COMP-0001', conversationAt: '2026-02-02' });
    const before = await documentsOf(h.services);
    const forged = await submit(vk, form.card, 'company.contact.save', { kind: 'PHONE', cases: caseRef });
    expect(cardText(forged.card)).toContain('Vælg en af mulighederne');
    expect(await documentsOf(h.services)).toEqual(before);
    expect((await h.say(vk, `sag ${caseRef}`)).texts[0]).toContain('Det har din rolle ikke adgang til');
  });

  it("a jobformidler's placement follow-up with the employer counts on the company and on the citizen's case, without moving the due date", async () => {
    const caseRef = 'FR-COMP-0001';
    const work = (await readCaseWork(h.services.store, jf.tenantId, caseRef))!;
    const settings = await h.services.directory.getSettings(jf.tenantId);
    const dueBefore = followUpOfWork(work, settings, '2026-03-03')?.dueDate;
    const open = await h.say(jf, 'virksomhed 24256790');
    const form = await h.execute(jf, 'company.contact.new', buttonData(open.cards[0], 'company.contact.new'));
    expect(cardText(form.card)).toContain(caseRef);
    const saved = await submit(jf, form.card, 'company.contact.save', {
      kind: 'PLACEMENT_FOLLOW_UP',
      mode: 'PHONE',
      date: '2026-03-02',
      cases: caseRef,
      note: 'Travlt i marts',
    });
    expect(cardText(saved.card)).toContain('Kontakten er logget og tæller også som kontakt på 1 borgeres sager.');
    expect(cardText(saved.card)).toContain('drejede sig om 1 borger(e)');

    const contact = (await allItems(h.services.store.containers.directory)).find(
      (d) => d.type === 'company_contact' && d.kind === 'PLACEMENT_FOLLOW_UP',
    )!;
    expect(JSON.stringify(contact)).not.toContain(caseRef);
    expect(contact).toMatchObject({ staffId: jf.aadObjectId, note: 'Travlt i marts' });
    expect(contact.citizenCount).toBeUndefined(); // the company side keeps no trace of citizens, not even a count
    const followUp = await new FollowUpRepository(h.services.store).get(
      jf.tenantId,
      caseRef,
      String(contact.contactId),
    );
    expect(followUp).toMatchObject({
      id: caseDocId(jf.tenantId, 'followup', String(contact.contactId)),
      contactType: 'WORKPLACE_FOLLOW_UP',
      direction: 'COMPANY_FACING',
      date: '2026-03-02',
      companyId: 'company:24256790',
      note: 'Lageret A/S',
    });
    expect(JSON.stringify(followUp)).not.toContain('Travlt i marts'); // the company note stays on the company
    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts?.contacts).toContainEqual(
      expect.objectContaining({ date: '2026-03-02', type: 'WORKPLACE_FOLLOW_UP', direction: 'COMPANY_FACING' }),
    );
    const after = (await readCaseWork(h.services.store, jf.tenantId, caseRef))!;
    expect(followUpOfWork(after, settings, '2026-03-03')?.dueDate).toBe(dueBefore);
    const audit = (await allItems(h.services.store.containers.audit)).filter(
      (e) => e.caseRef === caseRef && e.action === 'company_contact.write',
    );
    expect(audit).toEqual([expect.objectContaining({ actorId: jf.aadObjectId, kind: 'write', outcome: 'ok' })]);
    const caseCard = cardText((await h.say(jf, `sag ${caseRef}`)).cards[0]);
    expect(caseCard).toContain('02.03.2026 · Opfølgning på virksomheden');
  });

  it('another jobformidler cannot link a citizen who is not theirs', async () => {
    const open = await h.say(other, 'virksomhed 24256790');
    const form = await h.execute(other, 'company.contact.new', buttonData(open.cards[0], 'company.contact.new'));
    expect(cardText(form.card)).not.toContain('FR-COMP-0001');
    const before = await documentsOf(h.services);
    const r = await submit(other, form.card, 'company.contact.save', { kind: 'PHONE', cases: 'FR-COMP-0001' });
    expect(cardText(r.card)).toContain('Vælg en af mulighederne');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('a screener and a leader have no company commands', async () => {
    const s = await h.userWithRoles('Sara Screener', ['screener', 'leder']);
    expect((await h.say(s, 'virksomheder')).texts[0]).toContain('Det har din rolle ikke adgang til');
    const r = await h.execute(s, 'company.open', { companyId: 'company:24256790' });
    expect(cardText(r.card)).toContain('Det har din rolle ikke adgang til');
    expect(cardText(r.card)).not.toContain('Lageret');
  });
});
