import { BotHarness, TEST_TENANT, cardText } from '../harness/bot-harness';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { SETTINGS_FIELDS } from '../../bot/features/admin/settings-rules';

describe("the municipality's settings", () => {
  let h: BotHarness;
  beforeAll(async () => {
    // This file also writes the settings document directly, as an older version or another instance
    // would: no per-instance cache, so every read goes to the store (the cache: test/store/settings-cache).
    h = await BotHarness.start({ env: { SETTINGS_CACHE_SECONDS: '0' } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const form = (overrides: Record<string, string> = {}) => ({
    ...Object.fromEntries(SETTINGS_FIELDS.map((f) => [f.key, String(f.read(defaultTenantSettings()))])),
    ...overrides,
  });

  it("start with the model's defaults: 40 %, 30 hours, 42/14 days, caseload 30-40, k = 5", async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    const card = (await h.say(admin, 'indstillinger')).cards[0];
    expect(card!.body.filter((e) => e.type === 'Input.Number').map((e) => e.value)).toEqual([
      40, 30, 42, 14, 30, 40, 7, 5, 92, 365, 183, 30, 50, 6, 0, 0, 0,
    ]);
  });

  it('keeps the band for the share of company-directed contacts (M15) in percent, lower below upper', async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    const before = await h.services.directory.getSettings(TEST_TENANT);
    const bad = await h.execute(admin, 'admin.settings.save', form({ companyShareLow: '45', companyShareHigh: '35' }));
    expect(cardText(bad.card)).toContain(
      'Den nedre grænse for andelen af virksomhedsrettede kontakter skal være mindre',
    );
    expect(await h.services.directory.getSettings(TEST_TENANT)).toEqual(before);
    await h.execute(admin, 'admin.settings.save', form({ companyShareLow: '25', companyShareHigh: '45' }));
    expect((await h.services.directory.getSettings(TEST_TENANT)).companyContactShareBand).toEqual([0.25, 0.45]);
  });

  it('an admin changes a threshold; it is saved and audited', async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    const r = await h.execute(
      admin,
      'admin.settings.save',
      form({ cadenceDaysDefault: '35', g1CompanyShareTarget: '45' }),
    );
    expect(cardText(r.card)).toContain('Indstillingerne er gemt.');
    const saved = await h.services.directory.getSettings(TEST_TENANT);
    expect(saved.cadenceDaysDefault).toBe(35);
    expect(saved.g1CompanyShareTarget).toBeCloseTo(0.45);
    const audit = (await h.services.audit.listSince(TEST_TENANT, new Date(0), { maxItemCount: 50 })).items;
    expect(audit.some((a) => a.action === 'settings.set' && a.actorId === admin.aadObjectId)).toBe(true);
  });

  it('names the field and its range when a value is out of range, and saves nothing', async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    const before = await h.services.directory.getSettings(TEST_TENANT);
    const r = await h.execute(admin, 'admin.settings.save', form({ auditRetentionDays: '30' }));
    expect(cardText(r.card)).toContain('"Gem adgangslog i (dage, mindst 183)" skal være et tal mellem 183 og 3650.');
    const r2 = await h.execute(admin, 'admin.settings.save', form({ caseloadLow: '50', caseloadHigh: '40' }));
    expect(cardText(r2.card)).toContain('Den nedre grænse for sagsstammen skal være mindre end den øvre.');
    expect(await h.services.directory.getSettings(TEST_TENANT)).toEqual(before);
  });

  it.each(['3', '4', '0', '-5'])(
    'refuses %s as the smallest number shown in channels: k = 5 is a floor; the form keeps what was typed',
    async (k) => {
      const admin = await h.userWithRoles('Admin', ['admin']);
      const before = await h.services.store.containers.directory.item('settings', TEST_TENANT).read();
      const r = await h.execute(admin, 'admin.settings.save', form({ kSuppression: k, cadenceDaysDefault: '35' }));
      expect(cardText(r.card)).toContain('Under 5 er ikke tilladt (Danmarks Statistiks diskretionsregel)');
      const inputs = Object.fromEntries(
        r.card!.body.filter((e) => e.type === 'Input.Number').map((e) => [e.id as string, e.value]),
      );
      expect(inputs).toMatchObject({ kSuppression: Number(k), cadenceDaysDefault: 35 });
      const after = await h.services.store.containers.directory.item('settings', TEST_TENANT).read();
      expect(after.etag).toBe(before.etag);
    },
  );

  it('a municipality may raise k; a stored value below 5 (an older document) is read and used as 5', async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    await h.execute(admin, 'admin.settings.save', form({ kSuppression: '7' }));
    expect((await h.services.directory.getSettings(TEST_TENANT)).kSuppression).toBe(7);
    const { resource } = await h.services.store.containers.directory.item('settings', TEST_TENANT).read();
    await h.services.store.containers.directory.items.upsert({
      ...resource,
      settings: { ...resource.settings, kSuppression: 3 },
    });
    expect((await h.services.directory.getSettings(TEST_TENANT)).kSuppression).toBe(5);
    const card = (await h.say(admin, 'indstillinger')).cards[0];
    expect(card!.body.find((e) => e.id === 'kSuppression')?.value).toBe(5);
  });

  it('is refused to a leader', async () => {
    const leader = await h.userWithRoles('Leder', ['leder']);
    const r = await h.execute(leader, 'admin.settings.save', form({ kSuppression: '3' }));
    expect(cardText(r.card)).toContain('Det har din rolle ikke adgang til');
  });

  it('an admin sets the year’s visitation plan (M17) and the aftercare months; all zero means no plan', async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    const year = Number(new Date().toISOString().slice(0, 4));
    await h.execute(
      admin,
      'admin.settings.save',
      form({ visitationPlanG1: '365', visitationPlanG2: '73', visitationPlanG3: '36', aftercareMonths: '3' }),
    );
    const saved = await h.services.directory.getSettings(TEST_TENANT);
    expect(saved.aftercareMonths).toBe(3);
    expect([year - 1, year, year + 1]).toContain(saved.visitationPlan?.year);
    expect(saved.visitationPlan).toMatchObject({
      G1_INTERVENTION: 365,
      G2_REHABILITATION: 73,
      G3_NOT_EMPLOYMENT_READY: 36,
    });
    await h.execute(admin, 'admin.settings.save', form({ visitationPlanG1: '0', visitationPlanG2: '0' }));
    expect((await h.services.directory.getSettings(TEST_TENANT)).visitationPlan).toBeUndefined();
  });
});
