import { randomUUID } from 'node:crypto';
import { Guard } from '../../bot/access/guard';
import { ForbiddenError } from '../../bot/domain/errors';
import { CaseRepository } from '../../bot/store/case-repository';
import { BotHarness, TEST_TENANT, actionsOf, cardText, openUrlOf } from '../harness/bot-harness';
import { CompanyRepository } from '../../bot/store/company-repository';
import { handedOverCase } from '../case/fixtures';
import { addAuditEntry, adminGet, allItems, caseDocs, countItems, countsOf, documentsOf, seedCase } from './fixtures';

/**
 * A user of municipality B can never read, list or change municipality A's data, whatever ids they
 * send. A and B share case refs on purpose: the same ref lands in the same Cosmos partition.
 */
const A = TEST_TENANT;
const B = '22222222-2222-4222-8222-222222222222';
const ADMIN_API_TOKEN = 't'.repeat(40);

describe('tenant isolation', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_API_TOKEN } });
    await seedCase(h.services, { tenantId: A, caseRef: 'FR-SAME-0001', marker: 'tenant-a-secret' });
    await seedCase(h.services, { tenantId: B, caseRef: 'FR-SAME-0001', marker: 'tenant-b-own' });
    await seedCase(h.services, { tenantId: A, caseRef: 'FR-ONLYA-001', marker: 'tenant-a-only' });
    await addAuditEntry(h.services, {
      tenantId: A,
      caseRef: 'FR-SAME-0001',
      at: '2026-10-01T10:00:00Z',
      purpose: 'screening',
    });
    await addAuditEntry(h.services, {
      tenantId: A,
      caseRef: 'FR-ONLYA-001',
      at: '2026-10-01T10:00:00Z',
      purpose: 'screening',
    });
    await addAuditEntry(h.services, {
      tenantId: B,
      caseRef: 'FR-SAME-0001',
      at: '2026-10-02T10:00:00Z',
      purpose: 'progression',
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const adminOfB = () => h.userWithRoles('Bo Admin', ['admin'], { tenantId: B });

  it("the roles card lists only the own municipality's staff, and a role change by id stays in the own municipality", async () => {
    const anna = await h.userWithRoles('Anna Andersen', ['jobformidler']);
    const bo = await adminOfB();
    const card = (await h.say(bo, 'roller')).cards[0];
    expect(cardText(card)).not.toContain('Anna Andersen');
    await h.execute(bo, 'admin.roles.add', { newUserId: anna.aadObjectId, newUserName: 'X', newRoles: 'admin' });
    await h.say(bo, `giv rolle admin til ${anna.aadObjectId}`);
    expect((await h.services.directory.getUser(A, anna.aadObjectId))?.roles).toEqual(['jobformidler']);
    const saveCard = (await h.say(bo, 'roller')).cards[0];
    expect(cardText(saveCard)).not.toContain('Anna Andersen');
  });

  it("the log extract shows only the own municipality's look-ups, and nothing of a case only another municipality has", async () => {
    const bo = await adminOfB();
    const own = cardText((await h.say(bo, 'log for sag FR-SAME-0001')).cards[0]);
    expect(own).toContain('Progressionsmåling');
    expect(own).not.toContain('Screening');
    const theirs = await h.say(bo, 'log for sag FR-ONLYA-001');
    expect(theirs.cards).toHaveLength(0);
    expect(theirs.texts.join()).toContain('ingen data om sag');
  });

  it("export and erasure reach only the own municipality's documents, also with forged card data", async () => {
    const bo = await adminOfB();
    const before = await caseDocs(h.services, A, 'FR-ONLYA-001');
    const forgedExport = await h.execute(bo, 'privacy.export.confirm', { caseRef: 'FR-ONLYA-001' });
    expect(cardText(forgedExport.card)).toContain('ingen data om sag');
    const forgedErase = await h.execute(bo, 'privacy.erase.confirm', {
      caseRef: 'FR-ONLYA-001',
      confirmRef: 'FR-ONLYA-001',
      reason: 'unlawful',
    });
    expect(cardText(forgedErase.card)).toContain('ingen data om sag');
    expect(await caseDocs(h.services, A, 'FR-ONLYA-001')).toEqual(before);

    const ownExport = await h.execute(bo, 'privacy.export.confirm', { caseRef: 'FR-SAME-0001' });
    const exported = await (await fetch(openUrlOf(ownExport.cards.find((c) => openUrlOf(c) !== undefined))!)).text();
    expect(exported).toContain('tenant-b-own');
    expect(exported).not.toContain('tenant-a-secret');
    await h.execute(bo, 'privacy.erase.confirm', {
      caseRef: 'FR-SAME-0001',
      confirmRef: 'FR-SAME-0001',
      reason: 'registered_in_error',
    });
    expect(await caseDocs(h.services, B, 'FR-SAME-0001')).toEqual([]);
    expect(await caseDocs(h.services, A, 'FR-SAME-0001')).toHaveLength(4);
  });

  it("the admin API answers only for the tenant named, which cannot reach another tenant's case", async () => {
    const r = await adminGet(h, `/api/admin/cases/FR-ONLYA-001/export.json?tenant=${B}`, ADMIN_API_TOKEN);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('tenant-a-only');
    const noTenant = await adminGet(h, '/api/admin/cases/FR-ONLYA-001/export.json', ADMIN_API_TOKEN);
    expect(noTenant.status).toBe(400);
  });

  it('repositories find nothing of another tenant, even with the right case ref', async () => {
    const cases = new CaseRepository(h.services.store);
    expect(await cases.get(B, 'FR-ONLYA-001')).toBeUndefined();
    expect((await cases.get(A, 'FR-ONLYA-001'))?.tenantId).toBe(A);
    const page = await h.services.audit.listForCase(B, 'FR-ONLYA-001', { maxItemCount: 50 });
    expect(page.items).toEqual([]);
  });

  it("the guard refuses a resource of another tenant for every role, before the work runs, and logs it in the actor's tenant", async () => {
    const auditOfA = await countItems(h.services.store.containers.audit, `WHERE c.tenantId = '${A}'`);
    for (const roles of [['admin'], ['jobformidler'], ['screener'], ['leder']] as const) {
      const actorId = randomUUID();
      const guard = new Guard(
        h.services.audit,
        { tenantId: B, userId: actorId, roles: [...roles], locale: 'da' },
        {
          correlationId: randomUUID(),
          channel: 'personal',
          now: () => new Date(),
        },
      );
      let ran = false;
      await expect(
        guard.run(
          {
            action: 'case.read',
            kind: 'read',
            purpose: 'support',
            caseRef: 'FR-ONLYA-001',
            resource: { tenantId: A, assignedJobformidlerId: actorId, screenerId: actorId },
          },
          async () => {
            ran = true;
          },
        ),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(ran).toBe(false);
      const logged = (await allItems(h.services.store.containers.audit)).filter((e) => e.actorId === actorId);
      expect(logged).toEqual([expect.objectContaining({ tenantId: B, outcome: 'denied' })]);
    }
    expect(await countItems(h.services.store.containers.audit, `WHERE c.tenantId = '${A}'`)).toBe(auditOfA);
  });
});

describe('tenant isolation: companies, openings, contacts and matches', () => {
  let h: BotHarness;
  let openingOfA: string;
  const CVR_BOTH = '24256790';
  const CVR_ONLY_A = '12345674';

  /** A company (and an opening) created through the cards, as a user of that municipality. */
  async function companyIn(
    tenantId: string,
    cvr: string,
    name: string,
  ): Promise<{ user: Awaited<ReturnType<BotHarness['userWithRoles']>>; openingId: string }> {
    const user = await h.userWithRoles(`Konsulent ${name}`, ['virksomhedskonsulent', 'jobformidler'], { tenantId });
    const form = await h.say(user, 'ny virksomhed');
    const data = (card: unknown, verb: string) => actionsOf(card).find((a) => a.verb === verb)?.data ?? {};
    const company = await h.execute(user, 'company.create', { ...data(form.cards[0], 'company.create'), cvr, name });
    const openingForm = await h.execute(user, 'opening.new', data(company.card, 'opening.new'));
    const opening = await h.execute(user, 'opening.create', {
      ...data(openingForm.card, 'opening.create'),
      title: `Lagermedarbejder hos ${name}`,
      placementType: 'ORDINARY_PAID_HOURS',
      hoursPerWeek: '20',
      fromDate: '2026-04-01',
    });
    return { user, openingId: String(actionsOf(opening.card).find((a) => a.verb === 'opening.edit')?.data.openingId) };
  }

  beforeAll(async () => {
    h = await BotHarness.start();
    openingOfA = (await companyIn(A, CVR_BOTH, 'Lageret A')).openingId;
    await companyIn(A, CVR_ONLY_A, 'Kun i A');
    await companyIn(B, CVR_BOTH, 'Lageret B');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the same CVR is two companies in two municipalities, and each sees only its own', async () => {
    const bo = await h.userWithRoles('Bo', ['jobformidler', 'virksomhedskonsulent'], { tenantId: B });
    const own = cardText((await h.say(bo, `virksomhed ${CVR_BOTH}`)).cards[0]);
    expect(own).toContain('Lageret B');
    expect(own).not.toContain('Lageret A');
    const list = cardText((await h.say(bo, 'virksomheder')).cards[0]);
    expect(list).not.toMatch(/Lageret A|Kun i A/);
    expect(cardText((await h.say(bo, 'virksomhed kun i a')).cards[0])).toContain('Ingen virksomhed hedder noget med');
    expect(cardText((await h.say(bo, 'jobåbninger')).cards[0])).not.toContain('Lageret A');
  });

  it("forged ids of another municipality's company and opening find nothing and write nothing", async () => {
    const bo = await h.userWithRoles('Bo', ['jobformidler', 'virksomhedskonsulent'], { tenantId: B });
    await h.say(bo, 'hjælp'); // records the user; the forged requests below must write nothing
    const before = await documentsOf(h.services);
    for (const [verb, data] of [
      ['company.open', { companyId: `company:${CVR_ONLY_A}` }],
      ['company.edit', { companyId: `company:${CVR_ONLY_A}` }],
      [
        'company.contact.save',
        {
          companyId: `company:${CVR_ONLY_A}`,
          submissionId: 'forged-0001',
          kind: 'PHONE',
          mode: 'PHONE',
          date: '2026-03-02',
        },
      ],
      ['opening.open', { openingId: openingOfA }],
      [
        'opening.save',
        {
          openingId: openingOfA,
          submissionId: 'forged-0002',
          etag: '',
          title: 'x',
          hoursPerWeek: '5',
          fromDate: '2026-04-01',
        },
      ],
      ['jobmatch.for_opening', { openingId: openingOfA }],
    ] as const) {
      const r = await h.execute(bo, verb, data);
      expect([verb, cardText(r.card)]).toEqual([verb, expect.stringContaining('Det kunne ikke findes')]);
      expect(JSON.stringify(r.card)).not.toContain('Kun i A');
    }
    expect(await documentsOf(h.services)).toEqual(before);
    expect(await new CompanyRepository(h.services.store).getByCvr(B, CVR_ONLY_A)).toBeUndefined();
  });

  it("a jobformidler's match suggestions never include another municipality's openings", async () => {
    const jo = await h.userWithRoles('Jo', ['jobformidler'], { tenantId: B });
    await handedOverCase(h.services, jo, { caseRef: 'FR-TMATCH-01' });
    await h.services.store.containers.cases.items.create({
      id: `${B}:job_goals`,
      tenantId: B,
      caseRef: 'FR-TMATCH-01',
      type: 'job_goals',
      schemaVersion: 1,
      createdAt: '2026-03-01T10:00:00.000Z',
      createdBy: jo.aadObjectId,
      updatedAt: '2026-03-01T10:00:00.000Z',
      updatedBy: jo.aadObjectId,
      goals: [
        {
          level: 'A',
          title: 'Lagermedarbejder',
          actions: [],
          citizenOwned: true,
          status: 'ACTIVE',
          lastReviewedAt: '2026-03-01',
        },
      ],
    });
    const text = cardText((await h.say(jo, 'jobmatch FR-TMATCH-01')).cards[0]);
    expect(text).toContain('Lageret B');
    expect(text).not.toContain('Lageret A');
  });
});

describe('ALLOWED_TENANT_IDS', () => {
  const OUTSIDER = '99999999-9999-4999-8999-999999999999';
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ALLOWED_TENANT_IDS: A } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const deniedEntries = async () =>
    (await allItems(h.services.store.containers.audit)).filter(
      (e) => e.tenantId === OUTSIDER && e.action === 'tenant.denied',
    );

  it('refuses a message, a card action and an install from another tenant, audits each, and stores nothing else', async () => {
    const stranger = h.user('Stranger', { tenantId: OUTSIDER });
    await h.services.directory.setRoles(OUTSIDER, stranger.aadObjectId, ['admin'], 'test', new Date());
    const before = await countsOf(h.services, ['cases', 'sensitive', 'directory', 'runs']);

    const msg = await h.say(stranger, 'roller');
    expect(msg.texts).toEqual(['Fremdrift er ikke sat op til din organisation. Kontakt jobcentrets it-afdeling.']);
    const inv = await h.execute(stranger, 'admin.roles.add', { newUserId: randomUUID(), newRoles: 'admin' });
    expect(inv.status).toBe(200);
    expect(cardText(inv.card)).toContain('ikke sat op til din organisation');
    const install = await h.install(stranger);
    expect(install.cards).toHaveLength(0);

    expect((await deniedEntries()).map((e) => [e.channel, e.outcome, e.kind])).toEqual([
      ['personal', 'denied', 'access'],
      ['personal', 'denied', 'access'],
      ['personal', 'denied', 'access'],
    ]);
    expect(await countsOf(h.services, ['cases', 'sensitive', 'directory', 'runs'])).toEqual(before);
    expect(await h.services.directory.getInstallation(OUTSIDER, h.personalConversationId(stranger))).toBeUndefined();
  });

  it('serves the allowed tenant as usual', async () => {
    const admin = await h.userWithRoles('Ada', ['admin']);
    expect(cardText((await h.say(admin, 'roller')).cards[0])).toContain('Roller i Fremdrift');
  });
});
