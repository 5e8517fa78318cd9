import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { CaseRepository } from '../../bot/store/case-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { handedOverCase, inputValues } from '../case/fixtures';
import { caseDocs, documentsOf } from '../privacy/fixtures';
import { installIn, team } from '../digest/digest-seed';

/**
 * Every citizen has an owner and a next step (issue 15 items 4, 5, 6) over HTTP: the leader at the
 * case table, moving cases between jobformidlere (and the old one losing access), a handover the
 * receiver accepts, aftercare on a case closed for a job, and a jobformidler's own figures.
 */
describe('the team around a citizen: sparring, moving cases, aftercare, own figures', () => {
  // Tuesday 10 March 2026, 10:00 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  const holdet = team('holdet');
  const MARKER_HKO = 'marker-hko-art9-sparring';
  let h: BotHarness;
  let lea: TestUser;
  let jonas: TestUser;
  let karin: TestUser;
  let ole: TestUser;
  let admin: TestUser;
  const cases = () => new CaseRepository(h.services.store);

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    lea = await h.userWithRoles('Lea Leder', ['leder']);
    jonas = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    karin = await h.userWithRoles('Karin Kollega', ['jobformidler']);
    ole = await h.userWithRoles('Ole Andethold', ['jobformidler']);
    admin = await h.userWithRoles('Ada Admin', ['admin']);
    for (const u of [lea, jonas, karin, ole]) await h.install(u);
    await installIn(h, lea, holdet);
    h.connector.setRoster(holdet.teamId, [
      { aadObjectId: lea.aadObjectId },
      { aadObjectId: jonas.aadObjectId },
      { aadObjectId: karin.aadObjectId },
    ]);
    for (const ref of ['TEAM-0001', 'TEAM-0002', 'TEAM-0003', 'TEAM-0004'])
      await handedOverCase(h.services, jonas, { caseRef: ref, conversationAt: '2026-01-05' });
    await handedOverCase(h.services, ole, { caseRef: 'OTHER-0001', conversationAt: '2026-01-05' });
    // As the visitation does: the facts projection exists from the handover on.
    const settings = await h.services.directory.getSettings(TEST_TENANT);
    for (const ref of ['TEAM-0001', 'TEAM-0002', 'TEAM-0003', 'TEAM-0004', 'OTHER-0001'])
      await new CaseFactsRepository(h.services.store).rebuild(TEST_TENANT, ref, settings, clock.now());
    // Art. 9 data on a team case: an HKO application the leader must never see.
    await h.services.store.containers.sensitive.items.create({
      id: caseDocId(TEST_TENANT, 'hko', 'h1'),
      tenantId: TEST_TENANT,
      type: 'hko',
      schemaVersion: 1,
      caseRef: 'TEAM-0001',
      note: MARKER_HKO,
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('shows the leader the team’s caseloads against the band, and no one outside the team', async () => {
    const r = await h.say(lea, 'sparring');
    const text = cardText(r.cards[0]);
    expect(text).toContain('Teamets sagsstammer');
    expect(text).toContain('Jonas Jobformidler');
    expect(text).toContain('4 borgere · 4 med overskredet opfølgning · under båndet');
    expect(text).toContain('Karin Kollega');
    expect(text).not.toContain('Ole Andethold');
    // A jobformidler has no such view; in a channel it is refused before anything is read.
    expect((await h.say(jonas, 'sparring')).texts[0]).toContain('Det har din rolle ikke adgang til');
    expect(cardText((await h.say(lea, 'sparring', holdet.where())).cards[0])).toContain('egen chat');
  });

  it('opens a jobformidler’s citizens and a case for sparring: audited as "ledelsessparring", no art. 9 data', async () => {
    const caseload = await h.execute(lea, 'sparring.caseload', { userId: jonas.aadObjectId });
    expect(cardText(caseload.card)).toContain('Jonas Jobformidlers borgere (ledelsessparring)');
    expect(cardText(caseload.card)).toContain('TEAM-0001');
    expect(actionsOf(caseload.card).find((a) => a.data.caseRef === 'TEAM-0001')?.verb).toBe('sparring.case');

    const overview = await h.execute(lea, 'sparring.case', { caseRef: 'TEAM-0001' });
    const json = JSON.stringify(overview.card);
    expect(cardText(overview.card)).toContain('Ledelsessparring – kun læsning');
    expect(cardText(overview.card)).toContain('Progressionsmåling: ingen endnu');
    expect(json).not.toContain(MARKER_HKO);
    expect(actionsOf(overview.card).map((a) => a.verb)).toEqual([
      'sparring.case',
      'reassign.form',
      'sparring.caseload',
    ]);

    const log = (await h.services.audit.listForCase(TEST_TENANT, 'TEAM-0001', { maxItemCount: 100 })).items.filter(
      (e) => e.actorId === lea.aadObjectId,
    );
    expect(log.map((e) => [e.action, e.purpose, e.outcome])).toEqual([
      ['sparring.caseload.read', 'ledelsessparring', 'ok'],
      ['sparring.case.read', 'ledelsessparring', 'ok'],
    ]);
    // Not even a refused attempt at HKO or screening answers: they are simply not read.
    expect(log.some((e) => e.action.startsWith('hko') || e.action.startsWith('screening'))).toBe(false);

    // The citizen's access log shows the look-up with its purpose.
    const extract = await h.say(admin, 'log for sag TEAM-0001');
    expect(cardText(extract.cards[0])).toContain('Ledelsessparring (lederen og jobformidleren drøftede næste skridt)');
  });

  it('refuses a case outside the leader’s team, and says nothing of it', async () => {
    const before = await documentsOf(h.services);
    const refused = await h.execute(lea, 'sparring.case', { caseRef: 'OTHER-0001' });
    expect(cardText(refused.card)).toContain('Du har ikke adgang til denne sag');
    expect(cardText(refused.card)).not.toContain('OTHER-0001');
    const notMine = await h.execute(lea, 'sparring.caseload', { userId: ole.aadObjectId });
    expect(cardText(notMine.card)).toContain('Den medarbejder er ikke i dit team.');
    expect(await documentsOf(h.services)).toEqual(before);
    const denied = await h.services.audit.listForCase(TEST_TENANT, 'OTHER-0001', { maxItemCount: 10 });
    expect(denied.items.map((e) => [e.actorId, e.outcome])).toEqual([[lea.aadObjectId, 'denied']]);
  });

  it('moves a case to another jobformidler: the new one is told 1:1 and the old one loses access', async () => {
    const form = await h.execute(lea, 'reassign.form', { caseRef: 'TEAM-0001' });
    expect(cardText(form.card)).toContain('Flyt sag TEAM-0001 til en anden jobformidler');
    expect(cardText(form.card)).toContain('Karin Kollega');
    expect(cardText(form.card)).not.toContain('Ole Andethold'); // not in the team
    // Bad input: no reason. Named, kept, nothing written.
    const before = await documentsOf(h.services);
    const refused = await h.execute(lea, 'reassign.save', {
      caseRef: 'TEAM-0001',
      toUserId: karin.aadObjectId,
      reason: '',
      date: '2026-03-10',
    });
    expect(cardText(refused.card)).toContain('Udfyld "Årsag"');
    expect(inputValues(refused.card).toUserId).toBe(karin.aadObjectId);
    expect(await documentsOf(h.services)).toEqual(before);

    const since = h.connector.calls.length;
    const done = await h.execute(lea, 'reassign.save', {
      caseRef: 'TEAM-0001',
      toUserId: karin.aadObjectId,
      reason: 'ILLNESS_OR_LEAVE',
      date: '2026-03-10',
    });
    expect(cardText(done.card)).toContain('Sag TEAM-0001 er flyttet til Karin Kollega fra 10. marts 2026.');
    expect(cardText(done.card)).toContain('Karin Kollega har fået besked i Teams.');
    const toKarin = h.connector.sentSince(since).filter((c) => c.conversationId === h.personalConversationId(karin));
    expect(toKarin).toHaveLength(1);
    expect(JSON.stringify(toKarin[0]!.body)).toContain('Sag TEAM-0001 er nu din (fra 10. marts 2026)');
    expect(JSON.stringify(toKarin[0]!.body)).not.toContain(MARKER_HKO);

    expect(await cases().get(TEST_TENANT, 'TEAM-0001')).toMatchObject({
      assignedJobformidlerId: karin.aadObjectId,
      jobformidlerHistory: [
        { userId: jonas.aadObjectId, from: '2026-01-05', to: '2026-03-10' },
        { userId: karin.aadObjectId, from: '2026-03-10', reason: 'ILLNESS_OR_LEAVE', by: lea.aadObjectId },
      ],
    });
    expect((await new CaseFactsRepository(h.services.store).get(TEST_TENANT, 'TEAM-0001'))?.jobformidlerCount).toBe(2);
    // Only the new jobformidler can open it now.
    expect(cardText((await h.say(jonas, 'sag TEAM-0001')).cards[0] ?? {})).not.toContain('Sag TEAM-0001');
    expect((await h.say(jonas, 'sag TEAM-0001')).texts[0]).toContain('Du har ikke adgang til denne sag');
    expect(cardText((await h.say(karin, 'sag TEAM-0001')).cards[0])).toContain('TEAM-0001');
  });

  it('tells the leader honestly when the new jobformidler could not be reached', async () => {
    // Nina is in the team but has never opened Fremdrift: there is no 1:1 chat to send to. (How a refused
    // send is classified is the notifier's business; here only its status is read and reported.)
    const nina = await h.userWithRoles('Nina Ny', ['jobformidler']);
    h.connector.setRoster(holdet.teamId, [
      { aadObjectId: lea.aadObjectId },
      { aadObjectId: jonas.aadObjectId },
      { aadObjectId: karin.aadObjectId },
      { aadObjectId: nina.aadObjectId },
    ]);
    const done = await h.execute(lea, 'reassign.save', {
      caseRef: 'TEAM-0002',
      toUserId: nina.aadObjectId,
      reason: 'CASELOAD_BALANCE',
      date: '2026-03-10',
    });
    expect(cardText(done.card)).toContain('Beskeden til Nina Ny kunne ikke leveres.');
    expect((await cases().get(TEST_TENANT, 'TEAM-0002'))?.assignedJobformidlerId).toBe(nina.aadObjectId);
  });

  it('moves several cases at once from the caseload balancing view, with one message to the receiver', async () => {
    const form = await h.execute(lea, 'reassign.bulk', { fromUserId: jonas.aadObjectId });
    expect(cardText(form.card)).toContain('Flyt sager fra Jonas Jobformidler');
    const since = h.connector.calls.length;
    const done = await h.execute(lea, 'reassign.bulk.save', {
      fromUserId: jonas.aadObjectId,
      caseRefs: 'TEAM-0003,OTHER-0001',
      toUserId: karin.aadObjectId,
      reason: 'CASELOAD_BALANCE',
      date: '2026-03-10',
    });
    expect(cardText(done.card)).toContain('Sag TEAM-0003 er flyttet til Karin Kollega');
    expect(cardText(done.card)).toContain('1 sager blev ikke flyttet');
    expect((await cases().get(TEST_TENANT, 'OTHER-0001'))?.assignedJobformidlerId).toBe(ole.aadObjectId);
    expect(
      h.connector.sentSince(since).filter((c) => c.conversationId === h.personalConversationId(karin)),
    ).toHaveLength(1);
  });

  it('lets a jobformidler hand a case over only when the colleague accepts', async () => {
    const card = await h.execute(jonas, 'case.open', { caseRef: 'TEAM-0004' });
    expect(actionsOf(card.card).map((a) => a.verb)).toContain('transfer.open');
    const form = await h.execute(jonas, 'transfer.open', { caseRef: 'TEAM-0004' });
    const since = h.connector.calls.length;
    const asked = await h.execute(jonas, 'transfer.request', {
      caseRef: 'TEAM-0004',
      ...inputValues(form.card),
      toUserId: karin.aadObjectId,
      reason: 'CITIZEN_WISH',
    });
    expect(cardText(asked.card)).toContain('Karin Kollega er spurgt.');
    expect((await cases().get(TEST_TENANT, 'TEAM-0004'))?.assignedJobformidlerId).toBe(jonas.aadObjectId);
    const question = h.connector.sentSince(since).find((c) => c.conversationId === h.personalConversationId(karin));
    const askCard = (question!.body.attachments as { content: unknown }[])[0]!.content;
    expect(cardText(askCard)).toContain('Vil du overtage sag TEAM-0004?');
    const accept = actionsOf(askCard).find((a) => a.verb === 'transfer.accept')!;
    // Nobody but Karin can accept it.
    const byOle = await h.execute(ole, 'transfer.accept', accept.data);
    expect(cardText(byOle.card)).toContain('Du har ikke adgang til denne sag');

    const answered = h.connector.calls.length;
    const yes = await h.execute(karin, 'transfer.accept', accept.data);
    expect(cardText(yes.card)).toContain('Du er nu jobformidler for sag TEAM-0004.');
    expect(await cases().get(TEST_TENANT, 'TEAM-0004')).toMatchObject({
      assignedJobformidlerId: karin.aadObjectId,
    });
    expect((await cases().get(TEST_TENANT, 'TEAM-0004'))?.pendingTransfer).toBeUndefined();
    const toJonas = h.connector.sentSince(answered).filter((c) => c.conversationId === h.personalConversationId(jonas));
    expect(JSON.stringify(toJonas[0]?.body)).toContain('Karin Kollega har overtaget sag TEAM-0004.');
    // The same answer again changes nothing: there is no transfer proposed to Karin any more.
    const before = await documentsOf(h.services);
    expect(cardText((await h.execute(karin, 'transfer.accept', accept.data)).card)).toContain(
      'Du har ikke adgang til denne sag',
    );
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('logs aftercare on a case closed for a job, within the period, with the case’s own deletion date', async () => {
    await h.execute(karin, 'case.close.confirm', {
      caseRef: 'TEAM-0004',
      reason: 'EMPLOYED_SELF_SUPPORTING',
      date: '2026-03-10',
    });
    const card = await h.execute(karin, 'case.open', { caseRef: 'TEAM-0004' });
    expect(cardText(card.card)).toContain('Efterværn til og med 10.09.2026');
    const form = await h.execute(karin, 'aftercare.new', { caseRef: 'TEAM-0004' });
    clock.set(new Date('2026-04-14T09:00:00Z'));
    const saved = await h.execute(karin, 'aftercare.save', {
      ...actionsOf(form.card).find((a) => a.verb === 'aftercare.save')!.data,
      date: '2026-04-14',
      mode: 'AT_WORKPLACE',
    });
    expect(cardText(saved.card)).toContain('Vælg en af mulighederne i "Form"'); // not a mode of the form
    const ok = await h.execute(karin, 'aftercare.save', {
      ...actionsOf(form.card).find((a) => a.verb === 'aftercare.save')!.data,
      date: '2026-04-14',
      mode: 'IN_PERSON',
    });
    expect(cardText(ok.card)).toContain('Efterværnet er registreret.');
    expect((await cases().get(TEST_TENANT, 'TEAM-0004'))?.status).toBe('CLOSED');
    const facts = await new CaseFactsRepository(h.services.store).get(TEST_TENANT, 'TEAM-0004');
    expect(facts?.contacts.filter((c) => c.type === 'AFTERCARE')).toEqual([
      { date: '2026-04-14', type: 'AFTERCARE', completed: true, direction: 'CITIZEN_FACING' },
    ]);
    expect(facts?.aftercareUntil).toBe('2026-09-10');
    const docs = await caseDocs(h.services, TEST_TENANT, 'TEAM-0004');
    const expiry = (await cases().get(TEST_TENANT, 'TEAM-0004'))?.expiresAt;
    expect(docs.filter((d) => d.expiresAt !== expiry).map((d) => d.type)).toEqual([]);
    // After the period: no more aftercare.
    clock.set(new Date('2026-09-11T09:00:00Z'));
    expect(cardText((await h.execute(karin, 'aftercare.new', { caseRef: 'TEAM-0004' })).card)).toContain(
      'Perioden for efterværn er slut.',
    );
    clock.set(new Date('2026-03-10T09:00:00Z'));
  });

  it('shows a jobformidler their own figures, 1:1', async () => {
    const r = await h.say(karin, 'mine tal');
    const text = cardText(r.cards[0]);
    expect(text).toContain('Mine tal – uge 11');
    // Karin has TEAM-0001, -0003 and -0004, counted as the weekly digest counts: as of Monday 9 March,
    // so TEAM-0004 (closed on the 10th) still counts; none has had a conversation since the visitation.
    expect(text).toContain('3 borgere (modellen: 30–40)');
    expect(text).toContain('Overskredet opfølgning\n100 % (3 af 3)');
    expect((await h.say(lea, 'mine tal')).texts[0]).toContain('Det har din rolle ikke adgang til');
  });
});
