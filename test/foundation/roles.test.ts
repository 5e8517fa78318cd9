import { BotHarness, TEST_TENANT, cardText, actionsOf } from '../harness/bot-harness';

describe('roles: admins grant and revoke in chat; everyone else is denied', () => {
  let h: BotHarness;
  const bootstrapAdmin = '0a0a0a0a-0000-4000-8000-00000000000a';
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_AAD_OBJECT_IDS: bootstrapAdmin } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('a bootstrapped admin (ADMIN_AAD_OBJECT_IDS) grants and revokes a role by Entra id, audited', async () => {
    const admin = h.user('Admin', { aadObjectId: bootstrapAdmin });
    const staff = h.user('Sofie');
    await h.say(staff, 'hej'); // the bot now knows Sofie's name
    const granted = await h.say(admin, `giv rolle screener til ${staff.aadObjectId}`);
    expect(granted.texts[0]).toBe('Sofie har nu rollerne: Screener.');
    const help = await h.say(staff, 'hjælp');
    expect(cardText(help.cards[0])).toContain('Hvad kan jeg hjælpe med?');
    await h.say(admin, `fjern rolle screener fra ${staff.aadObjectId}`);
    expect((await h.services.directory.getUser(TEST_TENANT, staff.aadObjectId))?.roles).toEqual([]);
    const audit = (await h.services.audit.listSince(TEST_TENANT, new Date(0), { maxItemCount: 100 })).items;
    expect(
      audit.filter((a) => a.action === 'roles.set' && a.actorId === bootstrapAdmin && a.outcome === 'ok'),
    ).toHaveLength(2);
  });

  it('the roles card saves a multi-select of roles for a staff member', async () => {
    const admin = h.user('Admin', { aadObjectId: bootstrapAdmin });
    const staff = await h.userWithRoles('Jens', []);
    const card = (await h.say(admin, 'roller')).cards[0];
    const save = actionsOf(card).find((a) => a.verb === 'admin.roles.save' && a.data.userId === staff.aadObjectId);
    expect(save).toBeDefined();
    const inputId = String(save!.data.inputId);
    const r = await h.execute(admin, 'admin.roles.save', { ...save!.data, [inputId]: 'jobformidler,leder' });
    expect(cardText(r.card)).toContain('Roller for Jens er gemt: Jobformidler, Leder.');
    expect((await h.services.directory.getUser(TEST_TENANT, staff.aadObjectId))?.roles).toEqual([
      'jobformidler',
      'leder',
    ]);
  });

  it('refuses unknown roles and bad ids with a clear message, writing nothing', async () => {
    const admin = h.user('Admin', { aadObjectId: bootstrapAdmin });
    const r = await h.execute(admin, 'admin.roles.add', { newUserId: 'not-a-guid', newRoles: 'leder' });
    expect(cardText(r.card)).toContain('Objekt-id skal være et GUID');
    const r2 = await h.execute(admin, 'admin.roles.add', {
      newUserId: '0b0b0b0b-0000-4000-8000-00000000000b',
      newRoles: 'king',
    });
    expect(cardText(r2.card)).toContain('Vælg en af mulighederne');
    expect(await h.services.directory.getUser(TEST_TENANT, '0b0b0b0b-0000-4000-8000-00000000000b')).toBeUndefined();
  });

  it('an admin cannot remove their own admin role', async () => {
    const second = await h.userWithRoles('Anden admin', ['admin']);
    const r = await h.say(second, `fjern rolle admin fra ${second.aadObjectId}`);
    expect(r.texts[0]).toContain('Du kan ikke fjerne din egen administratorrolle');
    expect((await h.services.directory.getUser(TEST_TENANT, second.aadObjectId))?.roles).toEqual(['admin']);
  });

  it('denies role management to every other role (deny by default), by text and by card', async () => {
    for (const role of ['screener', 'jobformidler', 'leder'] as const) {
      const u = await h.userWithRoles(`Bruger ${role}`, [role]);
      const victim = h.user('Offer');
      const r = await h.say(u, `giv rolle admin til ${victim.aadObjectId}`);
      expect(r.texts[0]).toContain('Det har din rolle ikke adgang til');
      const c = await h.execute(u, 'admin.roles.add', { newUserId: victim.aadObjectId, newRoles: 'admin' });
      expect(cardText(c.card)).toContain('Det har din rolle ikke adgang til');
      expect(await h.services.directory.getUser(TEST_TENANT, victim.aadObjectId)).toBeUndefined();
    }
    const leader = await h.userWithRoles('Leder', ['leder']);
    await h.say(leader, 'roller');
    const refusals = (await h.services.audit.listSince(TEST_TENANT, new Date(0), { maxItemCount: 500 })).items.filter(
      (a) => a.actorId === leader.aadObjectId,
    );
    expect(refusals).toEqual([expect.objectContaining({ action: 'roles.manage', kind: 'access', outcome: 'denied' })]);
    const none = h.user('Uden rolle');
    const r = await h.execute(none, 'admin.roles.add', { newUserId: none.aadObjectId, newRoles: 'admin' });
    expect(cardText(r.card)).toContain('Du har endnu ingen rolle');
  });
});
