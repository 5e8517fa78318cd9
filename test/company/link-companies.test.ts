import { caseDocId } from '../../bot/domain/case';
import { emptyChecklist } from '../../bot/domain/work-agreement';
import { linkCompanies } from '../../bot/features/company/link-companies';
import { CompanyRepository } from '../../bot/store/company-repository';
import { stripSystemFields } from '../../bot/store/documents';
import { BotHarness, TEST_TENANT, type TestUser } from '../harness/bot-harness';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';
import { allItems, documentsOf } from '../privacy/fixtures';

/**
 * The migration that links agreements and placements written before companies were records (an
 * inline CVR and name) to one company record per CVR. Documents are written as the older code
 * wrote them, straight into the store.
 */
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-03-03T09:30:00Z');

describe('linking existing agreements and placements to company records', () => {
  let h: BotHarness;
  let jf: TestUser;
  const cases = () => h.services.store.containers.cases;

  const olderAgreement = async (
    tenantId: string,
    caseRef: string,
    agreementId: string,
    company: { cvr: string; name: string; contactName: string },
    extra: Record<string, unknown> = {},
  ) =>
    cases().items.create({
      id: caseDocId(tenantId, 'agreement', agreementId),
      tenantId,
      caseRef,
      type: 'work_agreement',
      schemaVersion: 1,
      createdAt: '2025-06-01T10:00:00.000Z',
      createdBy: jf.aadObjectId,
      updatedAt: '2025-06-01T10:00:00.000Z',
      updatedBy: jf.aadObjectId,
      agreementId,
      placementType: 'COMPANY_INTERNSHIP',
      company,
      status: 'SIGNED',
      version: 3,
      checklist: emptyChecklist(),
      revisions: [],
      ...extra,
    });
  const olderPlacement = async (caseRef: string, placementId: string, fields: Record<string, unknown>) =>
    cases().items.create({
      id: caseDocId(TEST_TENANT, 'placement', placementId),
      tenantId: TEST_TENANT,
      caseRef,
      type: 'placement',
      schemaVersion: 1,
      createdAt: '2025-06-02T10:00:00.000Z',
      createdBy: jf.aadObjectId,
      updatedAt: '2025-06-02T10:00:00.000Z',
      updatedBy: jf.aadObjectId,
      placementId,
      placementType: 'COMPANY_INTERNSHIP',
      startDate: '2025-06-10',
      status: 'ACTIVE',
      ...fields,
    });
  const raw = async (caseRef: string, id: string) => {
    const { resource } = await cases().item(id, caseRef).read<Record<string, unknown>>();
    return stripSystemFields(resource ?? {});
  };

  beforeAll(async () => {
    h = await BotHarness.start();
    jf = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    for (const ref of ['FR-LINK-0001', 'FR-LINK-0002', 'FR-LINK-0003', 'FR-LINK-0004', 'FR-LINK-0005'])
      await handedOverCase(h.services, jf, { caseRef: ref, conversationAt: '2025-05-01' });
    await handedOverCase(h.services, jf, {
      caseRef: 'FR-LINK-0001',
      conversationAt: '2025-05-01',
      tenantId: OTHER_TENANT,
    });
    // A company added on its card before the migration runs: the migration links to it, not a copy.
    const form = await h.say(jf, 'ny virksomhed');
    await h.execute(jf, 'company.create', {
      ...buttonData(form.cards[0], 'company.create'),
      ...inputValues(form.cards[0]),
      cvr: '12345674',
      name: 'Byens Bageri ApS',
    });

    await olderAgreement(
      TEST_TENANT,
      'FR-LINK-0001',
      'a1',
      { cvr: '24256790', name: 'Lageret A/S', contactName: 'Bo Hansen' },
      // A field this code does not know, and the retention stamp of a closed case: both must survive.
      { legacyNote: 'kept as it was', ttl: 31_536_000, expiresAt: '2027-03-03T00:00:00.000Z' },
    );
    await olderPlacement('FR-LINK-0001', 'p1', { agreementId: 'a1', companyName: 'Lageret A/S' });
    await olderAgreement(TEST_TENANT, 'FR-LINK-0002', 'a2', {
      cvr: '24256790',
      name: 'LAGERET',
      contactName: 'Lene Mortensen',
    });
    await olderAgreement(TEST_TENANT, 'FR-LINK-0003', 'a3', {
      cvr: '12345674',
      name: 'Bageriet',
      contactName: 'Ali Yilmaz',
    });
    await olderPlacement('FR-LINK-0004', 'p4', { companyName: ' byens bageri aps ' });
    await olderPlacement('FR-LINK-0005', 'p5', { companyName: 'Ukendt ApS' });
    await olderAgreement(OTHER_TENANT, 'FR-LINK-0001', 'b1', {
      cvr: '24256790',
      name: 'Lageret (B)',
      contactName: 'Karin Holm',
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('links every agreement to the company of its CVR, one company per CVR and municipality, keeping every other field', async () => {
    const report = await linkCompanies(h.services, NOW);
    expect(report).toEqual({ companiesCreated: 2, agreementsLinked: 4, placementsLinked: 2, placementsUnmatched: 1 });

    const a1 = await raw('FR-LINK-0001', caseDocId(TEST_TENANT, 'agreement', 'a1'));
    expect(a1).toMatchObject({
      companyId: 'company:24256790',
      legacyNote: 'kept as it was',
      ttl: 31_536_000,
      expiresAt: '2027-03-03T00:00:00.000Z',
      version: 3,
      updatedAt: '2025-06-01T10:00:00.000Z',
    });
    expect(await raw('FR-LINK-0002', caseDocId(TEST_TENANT, 'agreement', 'a2'))).toMatchObject({
      companyId: 'company:24256790',
    });
    expect(await raw('FR-LINK-0003', caseDocId(TEST_TENANT, 'agreement', 'a3'))).toMatchObject({
      companyId: 'company:12345674',
    });
    expect(await raw('FR-LINK-0001', caseDocId(OTHER_TENANT, 'agreement', 'b1'))).toMatchObject({
      companyId: 'company:24256790',
    });

    // The first agreement of a CVR gives the record its name and contact person; the card's record is left as it was.
    const repository = new CompanyRepository(h.services.store);
    expect(await repository.getByCvr(TEST_TENANT, '24256790')).toMatchObject({
      name: 'Lageret A/S',
      origin: 'agreement',
      contactPersons: [{ name: 'Bo Hansen' }],
    });
    expect(await repository.getByCvr(TEST_TENANT, '12345674')).toMatchObject({
      name: 'Byens Bageri ApS',
      origin: 'card',
    });
    expect(await repository.getByCvr(OTHER_TENANT, '24256790')).toMatchObject({ name: 'Lageret (B)' });
    const companies = (await allItems(h.services.store.containers.directory)).filter((d) => d.type === 'company');
    expect(companies.map((c) => `${String(c.tenantId).slice(0, 8)}/${String(c.id)}`).sort()).toEqual([
      '11111111/company:12345674',
      '11111111/company:24256790',
      '22222222/company:24256790',
    ]);
  });

  it('links a placement through its agreement, or by the one company with its name; leaves the rest', async () => {
    expect(await raw('FR-LINK-0001', caseDocId(TEST_TENANT, 'placement', 'p1'))).toMatchObject({
      companyId: 'company:24256790',
    });
    expect(await raw('FR-LINK-0004', caseDocId(TEST_TENANT, 'placement', 'p4'))).toMatchObject({
      companyId: 'company:12345674',
    });
    expect((await raw('FR-LINK-0005', caseDocId(TEST_TENANT, 'placement', 'p5'))).companyId).toBeUndefined();
  });

  it('logs one system write per document it changed, on the case', async () => {
    const entries = (await allItems(h.services.store.containers.audit)).filter((e) => e.action === 'company.link');
    expect(entries.map((e) => `${String(e.tenantId).slice(0, 8)}/${String(e.caseRef)}`).sort()).toEqual([
      '11111111/FR-LINK-0001',
      '11111111/FR-LINK-0001',
      '11111111/FR-LINK-0002',
      '11111111/FR-LINK-0003',
      '11111111/FR-LINK-0004',
      '22222222/FR-LINK-0001',
    ]);
    expect(entries.every((e) => e.actorId === 'system:company-link' && e.channel === 'system')).toBe(true);
  });

  it('is idempotent: a second run changes no document at all', async () => {
    const before = await documentsOf(h.services);
    const report = await linkCompanies(h.services, new Date(NOW.getTime() + 3_600_000));
    expect(report).toEqual({ companiesCreated: 0, agreementsLinked: 0, placementsLinked: 0, placementsUnmatched: 1 });
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('the company card now counts the linked agreements and placements', async () => {
    const text = JSON.stringify((await h.say(jf, 'virksomhed 24256790')).cards[0]);
    expect(text).toContain('2 arbejdsaftaler · 1 forløb, heraf 1 i gang');
  });
});
