import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { runArt9Check } from '../../bot/features/retention/art9-check';
import { CaseRepository } from '../../bot/store/case-repository';
import { BotHarness, TEST_TENANT, cardText, type TestUser } from '../harness/bot-harness';
import { click, completeScreening, startScreening, answerSteps } from '../screening/screening-driver';
import { caseDocs } from './fixtures';

/**
 * Issue 12 item 3: every case reaches a state in which its retention clock runs, and a daily check
 * lists to the admins, 1:1, the art. 9 data that would otherwise be kept forever. Driven over HTTP
 * through every way a case can end; then the check must find nothing on those cases.
 */
describe('every way a case ends starts its retention clock; the daily art. 9 check', () => {
  // Tuesday 10 March 2026, 10:00 in Copenhagen.
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let h: BotHarness;
  let anna: TestUser;
  let mia: TestUser;
  let jonas: TestUser;
  let adminA: TestUser;
  let adminB: TestUser;
  const ended: string[] = [];
  const cases = () => new CaseRepository(h.services.store);

  async function visit(caseRefCard: Awaited<ReturnType<typeof completeScreening>>, fields: Record<string, string>) {
    const open = await click(h, anna, caseRefCard.card, 'visitation.open');
    const { group, rationale, ...details } = fields;
    const step2 = await click(h, anna, open.card, 'visitation.next', {
      group: group!,
      conversationAt: '2026-03-10',
      rationale: rationale!,
    });
    return click(h, anna, step2.card, 'visitation.save', details);
  }

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    anna = await h.userWithRoles('Anna Screener', ['screener']);
    mia = await h.userWithRoles('Mia Myndighed', ['myndighedssagsbehandler']);
    jonas = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    adminA = await h.userWithRoles('Ada Admin', ['admin']);
    adminB = await h.userWithRoles('Bo Admin', ['admin']);
    await h.install(adminA);
    await h.install(adminB);

    // 1. Declined screening.
    const declined = await startScreening(h, anna, 'END-DECLINED');
    await answerSteps(h, anna, declined.card, [
      { q_citizenInformed: 'true', q_mode: 'PHONE', q_participation: 'NO' },
      { screeningOutcome: 'DECLINED' },
      { q_nextStepType: 'NONE' },
    ]);
    // 2. Aborted screening.
    const aborted = await startScreening(h, anna, 'END-ABORTED');
    const ask = await click(h, anna, aborted.card, 'screening.abort');
    await click(h, anna, ask.card, 'screening.abort.confirm');
    // 3. Outside the target group, 4. group 3.
    await visit(await completeScreening(h, anna, 'END-OOS'), {
      group: 'OUT_OF_SCOPE',
      rationale: 'OTHER_BENEFIT_OR_PROGRAMME',
    });
    await visit(await completeScreening(h, anna, 'END-G3'), {
      group: 'G3_NOT_EMPLOYMENT_READY',
      rationale: 'SEVERE_SOCIAL_OR_HEALTH',
      notificationRecipient: 'NOT_RELEVANT',
    });
    // 5. Group 2, closed by its owner.
    await visit(await completeScreening(h, anna, 'END-G2'), {
      group: 'G2_REHABILITATION',
      rationale: 'NEEDS_REHABILITATION_CLARIFICATION',
      ownerId: mia.aadObjectId,
      rehabTeamMeetingAt: '2026-03-20',
    });
    await h.execute(mia, 'rehab.close.confirm', { caseRef: 'END-G2', reason: 'RESOURCE_COURSE', date: '2026-03-10' });
    // 6. Group 1, closed by the jobformidler.
    await visit(await completeScreening(h, anna, 'END-G1'), {
      group: 'G1_INTERVENTION',
      rationale: 'READY_FOR_ORDINARY_HOURS',
      jobformidlerId: jonas.aadObjectId,
      firstJobConversationAt: '2026-03-12',
    });
    await h.execute(jonas, 'case.close.confirm', { caseRef: 'END-G1', reason: 'EDUCATION', date: '2026-03-10' });
    ended.push('END-DECLINED', 'END-ABORTED', 'END-OOS', 'END-G3', 'END-G2', 'END-G1');
    // An open group 1 case with its jobformidler: its owner will close it, nothing to report.
    await visit(await completeScreening(h, anna, 'OPEN-G1'), {
      group: 'G1_INTERVENTION',
      rationale: 'READY_FOR_ORDINARY_HOURS',
      jobformidlerId: jonas.aadObjectId,
      firstJobConversationAt: '2026-03-12',
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('every ending over HTTP closed the case and stamped every document, art. 9 ones included', async () => {
    for (const caseRef of ended) {
      const caseDoc = await cases().get(TEST_TENANT, caseRef);
      expect([caseRef, caseDoc?.status]).toEqual([caseRef, 'CLOSED']);
      const docs = await caseDocs(h.services, TEST_TENANT, caseRef);
      expect(docs.some((d) => d.type === 'screening')).toBe(true);
      expect([caseRef, docs.filter((d) => typeof d.expiresAt !== 'string').map((d) => d.type)]).toEqual([caseRef, []]);
    }
    expect((await cases().get(TEST_TENANT, 'END-DECLINED'))?.closure?.reason).toBe('SCREENING_DECLINED');
    expect((await cases().get(TEST_TENANT, 'END-ABORTED'))?.closure?.reason).toBe('SCREENING_ABORTED');
    expect((await cases().get(TEST_TENANT, 'END-OOS'))?.closure?.reason).toBe('NOT_IN_TARGET_GROUP');
    expect((await cases().get(TEST_TENANT, 'END-G3'))?.closure?.reason).toBe('REFERRED_TO_OTHER_SERVICES');
    expect((await cases().get(TEST_TENANT, 'END-G2'))?.closure?.reason).toBe('RESOURCE_COURSE');
    expect((await cases().get(TEST_TENANT, 'END-G1'))?.closure?.reason).toBe('EDUCATION');
  });

  it('the daily check finds nothing to do when every case went through the app', async () => {
    const reports = await runArt9Check(h.services, clock.now(), 'instance-1');
    expect(reports).toEqual([{ tenantId: TEST_TENANT, healed: 0, closed: 0, findings: [], delivered: [] }]);
  });

  it('heals, closes by the rules, and lists the rest to every admin 1:1, once per tenant and day', async () => {
    const { cases: casesC, sensitive } = h.services.store.containers;
    const at = '2026-01-20T10:00:00.000Z'; // 49 days before today
    const seedCase = async (caseRef: string, fields: Record<string, unknown>) =>
      casesC.items.create({
        id: caseDocId(TEST_TENANT, 'case'),
        tenantId: TEST_TENANT,
        type: 'case',
        schemaVersion: 1,
        caseRef,
        screenerId: anna.aadObjectId,
        jobformidlerHistory: [],
        createdAt: at,
        updatedAt: at,
        updatedBy: 'older-version',
        ...fields,
      });
    const seedArt9 = async (caseRef: string, kind = 'screening', extra: Record<string, unknown> = {}) =>
      sensitive.items.create({
        id: kind === 'sensitive_facts' ? caseDocId(TEST_TENANT, kind) : caseDocId(TEST_TENANT, kind, '1'),
        tenantId: TEST_TENANT,
        type: kind,
        schemaVersion: 1,
        caseRef,
        ...extra,
      });
    const visitation = (group: string) => ({
      group,
      conversationAt: '2026-01-20',
      decidedAt: at,
      decidedBy: anna.aadObjectId,
      effectiveFrom: '2026-01-20',
    });
    // Left open by an older version although the rules close them at the decision.
    await seedCase('LEGACY-G3', { status: 'VISITED', visitation: visitation('G3_NOT_EMPLOYMENT_READY') });
    await seedArt9('LEGACY-G3');
    await seedCase('LEGACY-DECLINED', { status: 'AWAITING_VISITATION' });
    await seedArt9('LEGACY-DECLINED', 'sensitive_facts', {
      rebuiltAt: at,
      screening: { conductedAt: '2026-01-20', outcome: 'DECLINED' },
      hko: [],
    });
    // An art. 9 document written to a closed case after its closure, without the stamp.
    await seedArt9('END-G1', 'hko');
    // Nobody will ever close these.
    await seedArt9('ORPHAN-1');
    await seedCase('STALE-WAITING', { status: 'AWAITING_VISITATION' });
    await seedArt9('STALE-WAITING');
    await seedCase('G2-NO-OWNER', { status: 'VISITED', visitation: visitation('G2_REHABILITATION') });
    await seedArt9('G2-NO-OWNER');
    // Another municipality's data is checked for that municipality, not listed here.
    await sensitive.items.create({
      id: caseDocId('other-tenant', 'screening', '1'),
      tenantId: 'other-tenant',
      type: 'screening',
      schemaVersion: 1,
      caseRef: 'ORPHAN-1',
    });

    // Before 07:00 the check waits (admins are not messaged at night).
    clock.set(new Date('2026-03-11T05:30:00Z'));
    expect(await runArt9Check(h.services, clock.now(), 'instance-1')).toEqual([]);

    clock.set(new Date('2026-03-11T07:00:00Z'));
    const since = h.connector.calls.length;
    // Two instances at once: the claim lets exactly one of them work per tenant.
    const [one, two] = await Promise.all([
      runArt9Check(h.services, clock.now(), 'instance-1'),
      runArt9Check(h.services, clock.now(), 'instance-2'),
    ]);
    const ours = [...one!, ...two!].filter((r) => r.tenantId === TEST_TENANT);
    expect(ours).toHaveLength(1);
    const report = ours[0]!;
    expect(report.healed).toBe(1);
    expect(report.closed).toBe(2);
    expect(report.findings).toEqual([
      { caseRef: 'G2-NO-OWNER', reason: 'NO_OWNER', documents: 1 },
      { caseRef: 'ORPHAN-1', reason: 'ORPHANED', documents: 1 },
      { caseRef: 'STALE-WAITING', reason: 'STALE_AWAITING_VISITATION', documents: 1 },
    ]);
    expect(report.delivered.map((d) => d.status)).toEqual(['sent', 'sent']);

    const sent = h.connector.sentSince(since);
    const toA = sent.filter((c) => c.conversationId === h.personalConversationId(adminA));
    const toB = sent.filter((c) => c.conversationId === h.personalConversationId(adminB));
    expect([toA.length, toB.length]).toEqual([1, 1]);
    const text = cardText((toA[0]!.body.attachments as { content: unknown }[])[0]!.content);
    expect(text).toContain('Følsomme oplysninger uden slettedato');
    expect(text).toContain('G2-NO-OWNER');
    expect(text).toContain('Ingen sag hører til oplysningerne. Slet dem med "slet sag ORPHAN-1".');
    expect(text).toContain('Har ventet på visitation i over 30 dage');
    expect(text).toContain('Kontrollen har selv givet 1 afsluttede sager den slettedato');
    expect(text).toContain('Kontrollen har afsluttet 2 sager');
    for (const notListed of ['OPEN-G1', 'END-G1', 'LEGACY-G3', 'SOME_DIFFICULTY'])
      expect(text).not.toContain(notListed);
    // Only admins hear of it; nothing went to anybody else or to a channel.
    expect(sent.filter((c) => c.kind !== 'create').every((c) => [toA[0], toB[0]].includes(c))).toBe(true);

    // What was fixed: stamps everywhere, and the closures dated at the decision.
    expect((await caseDocs(h.services, TEST_TENANT, 'END-G1')).filter((d) => d.expiresAt === undefined)).toEqual([]);
    expect(await cases().get(TEST_TENANT, 'LEGACY-G3')).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-01-20', reason: 'REFERRED_TO_OTHER_SERVICES' },
      expiresAt: '2027-01-19T23:00:00.000Z',
    });
    expect(await cases().get(TEST_TENANT, 'LEGACY-DECLINED')).toMatchObject({
      status: 'CLOSED',
      closure: { date: '2026-01-20', reason: 'SCREENING_DECLINED' },
    });
    // Every fix and every listed case is in the access log as the system's doing.
    const log = await h.services.audit.listForCase(TEST_TENANT, 'LEGACY-G3', { maxItemCount: 50 });
    expect(log.items.map((e) => [e.actorId, e.action, e.kind, e.purpose])).toContainEqual([
      'system:retention-check',
      'case.close',
      'write',
      'administration',
    ]);
    const listed = await h.services.audit.listForCase(TEST_TENANT, 'STALE-WAITING', { maxItemCount: 50 });
    expect(listed.items.map((e) => [e.actorId, e.action])).toEqual([['system:retention-check', 'art9.check.read']]);

    // Later the same day: nothing again. The next day: the cases nobody fixed are listed again.
    const later = h.connector.calls.length;
    clock.set(new Date('2026-03-11T14:00:00Z'));
    expect(
      (await runArt9Check(h.services, clock.now(), 'instance-3')).filter((r) => r.tenantId === TEST_TENANT),
    ).toEqual([]);
    expect(h.connector.sentSince(later)).toHaveLength(0);
    clock.set(new Date('2026-03-12T07:00:00Z'));
    const next = (await runArt9Check(h.services, clock.now(), 'instance-1')).find((r) => r.tenantId === TEST_TENANT);
    expect(next).toMatchObject({ healed: 0, closed: 0 });
    expect(next?.findings.map((f) => f.caseRef)).toEqual(['G2-NO-OWNER', 'ORPHAN-1', 'STALE-WAITING']);
  });
});
