import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { documentsOf } from '../privacy/fixtures';
import { POSITIVE_V1, click, completeScreening } from '../screening/screening-driver';
import type { AdaptiveCard } from '../../cards/types';
import { businessDate } from '../../bot/domain/calendar';

/**
 * The first admin (issue 13 item 3) and colleagues by name (item 5), over HTTP. The admin named by
 * ADMIN_AAD_OBJECT_IDS is the local trial's Playground user: they must see their roles as they are,
 * be able to give themselves other roles, and be told which role a command needs instead of "ask
 * your admin". Colleagues are shown by the name Teams gives them, never by their Entra id.
 */
const FIRST_ADMIN = '0f0f0f0f-0000-4000-8000-00000000000f';
const SECOND_FIRST_ADMIN = '0f0f0f0f-0000-4000-8000-0000000000f2';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What a user reads on a card: text, titles and labels (not the values behind choices). */
function readable(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && ['text', 'title', 'label', 'placeholder'].includes(k)) out.push(v);
      else walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}

/** The row of the roles card for `userId`: its multi-select of roles and its save button's data. */
function rowOf(card: AdaptiveCard | undefined, userId: string) {
  const save = actionsOf(card).find((a) => a.verb === 'admin.roles.save' && a.data.userId === userId);
  if (save === undefined) throw new Error(`No row for ${userId}:\n${cardText(card)}`);
  const inputId = String(save.data.inputId);
  let input: { value?: string; choices: { title: string; value: string }[] } | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.ChoiceSet' && o.id === inputId) input = o as typeof input;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return { save, inputId, input: input! };
}

describe('the first admin', () => {
  let h: BotHarness;
  let admin: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_AAD_OBJECT_IDS: `${FIRST_ADMIN},${SECOND_FIRST_ADMIN}` } });
    admin = h.user('Alex Wilber', { aadObjectId: FIRST_ADMIN });
    await h.say(admin, 'hej');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('sees themself as admin on the roles card, and saves their other roles (before: Admin unticked, save refused)', async () => {
    const card = (await h.say(admin, 'roller')).cards[0];
    const row = rowOf(card, FIRST_ADMIN);
    expect(readable(card)).toContain('Alex Wilber');
    expect(readable(card)).toContain('Administrator fra opsætningen (ADMIN_AAD_OBJECT_IDS) – kan ikke fjernes her.');
    // Admin is not a box to untick on their own row; the other roles are.
    expect(row.input.choices.map((c) => c.title)).toEqual([
      'Screener',
      'Jobformidler',
      'Leder',
      'Virksomhedskonsulent',
      'Myndighedssagsbehandler',
    ]);

    const saved = await h.execute(admin, 'admin.roles.save', {
      ...row.save.data,
      [row.inputId]: 'screener,jobformidler',
    });
    expect(cardText(saved.card)).toContain('Roller for Alex Wilber er gemt: Screener, Jobformidler, Administrator.');
    expect((await h.services.directory.getUser(TEST_TENANT, FIRST_ADMIN))?.roles).toEqual(['screener', 'jobformidler']);
    expect(rowOf(saved.card, FIRST_ADMIN).input.value).toBe('screener,jobformidler');
    const help = cardText((await h.say(admin, 'hjælp')).cards[0]);
    for (const group of ['Som screener', 'Som jobformidler', 'Som administrator']) expect(help).toContain(group);
  });

  it('a refused save comes back with the ticks as they were, and writes nothing', async () => {
    const other = await h.userWithRoles('Bo Nøgleperson', ['admin']);
    await h.say(other, 'hej');
    const row = rowOf((await h.say(other, 'roller')).cards[0], other.aadObjectId);
    expect(row.input.value).toBe('admin');
    const before = await documentsOf(h.services);
    // Unticking their own admin role (stored, not configured) is refused.
    const r = await h.execute(other, 'admin.roles.save', { ...row.save.data, [row.inputId]: 'screener,leder' });
    expect(cardText(r.card)).toContain('Du kan ikke fjerne din egen administratorrolle');
    expect(rowOf(r.card, other.aadObjectId).input.value).toBe('screener,leder');
    expect(await documentsOf(h.services)).toEqual(before);

    // The add form keeps what was typed when it is refused, too.
    const add = await h.execute(other, 'admin.roles.add', {
      newUserId: '',
      newUserName: 'Ny Kollega',
      newRoles: 'leder',
    });
    expect(cardText(add.card)).toContain('Vælg en medarbejder på listen.');
    expect(JSON.stringify(add.card)).toContain('"value":"Ny Kollega"');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('typing a command of another role is told which role it needs, and takes it with one click, audited', async () => {
    const second = h.user('Sara Admin', { aadObjectId: SECOND_FIRST_ADMIN });
    const asked = await h.say(second, 'ny screening');
    expect(asked.texts).toEqual([]);
    const card = asked.cards[0];
    expect(cardText(card)).toContain('"ny screening" kræver rollen Screener');
    expect(cardText(card)).not.toContain('Spørg din administrator');
    const take = actionsOf(card).find((a) => a.verb === 'admin.roles.take');
    expect(take).toMatchObject({
      title: 'Giv mig rollen Screener',
      data: { role: 'screener', command: 'ny screening' },
    });

    const taken = await h.execute(second, 'admin.roles.take', take!.data);
    expect(cardText(taken.card)).toContain('Du har nu også rollen Screener.');
    expect((await h.services.directory.getUser(TEST_TENANT, SECOND_FIRST_ADMIN))?.roles).toEqual(['screener']);
    const audit = (await h.services.audit.listSince(TEST_TENANT, new Date(0), { maxItemCount: 500 })).items.filter(
      (a) => a.actorId === SECOND_FIRST_ADMIN,
    );
    expect(audit.map((a) => [a.action, a.kind, a.outcome])).toEqual([
      ['screening.run', 'access', 'denied'],
      ['roles.set', 'write', 'ok'],
    ]);

    const go = actionsOf(taken.card).find((a) => a.verb === 'command.run');
    expect(go?.title).toBe('Fortsæt: ny screening');
    const screening = await h.execute(second, 'command.run', go!.data);
    expect(cardText(screening.card)).toContain('Ny screening');
  });

  it('in a channel the admin gets the ordinary refusal: roles are taken in the 1:1 chat', async () => {
    const r = await h.say(admin, 'vis ugerapport', {
      kind: 'channel',
      teamId: '19:team-admin@thread.tacv2',
      channelId: '19:admin@thread.tacv2',
    });
    expect(r.texts[0]).toContain('Det har din rolle ikke adgang til');
    expect(r.cards).toEqual([]);
  });

  it('others still get "ask your admin", and cannot take a role by a forged click', async () => {
    const leader = await h.userWithRoles('Lene Leder', ['leder']);
    const r = await h.say(leader, 'ny screening');
    expect(r.texts[0]).toContain('Det har din rolle ikke adgang til');
    const before = await documentsOf(h.services);
    const forged = await h.execute(leader, 'admin.roles.take', { role: 'screener' });
    expect(cardText(forged.card)).toContain('Det har din rolle ikke adgang til');
    expect(await documentsOf(h.services)).toEqual(before);
  });
});

describe('colleagues by name, never by Entra id', () => {
  let h: BotHarness;
  let admin: TestUser;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_AAD_OBJECT_IDS: FIRST_ADMIN } });
    admin = h.user('Alex Wilber', { aadObjectId: FIRST_ADMIN });
    await h.say(admin, 'hej');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('in `giv rolle` answers, on the roles card and in the visitation card’s list of jobformidlere', async () => {
    const megan = h.user('Megan Bowen');
    const unseen = h.user('(never writes)');
    // Granted by id before they ever wrote: no name yet, and the answer does not show the id.
    const byId = await h.say(admin, `giv rolle jobformidler til ${unseen.aadObjectId}`);
    expect(byId.texts[0]).toBe(
      `Kollega, der ikke har skrevet til Fremdrift endnu (…${unseen.aadObjectId.slice(-4)}) har nu rollerne: Jobformidler.`,
    );
    await h.say(admin, `giv rolle jobformidler til ${megan.aadObjectId}`);
    await h.say(megan, 'hej'); // Teams sends her name with every activity

    // By name, case and spacing as typed.
    const byName = await h.say(admin, 'giv rolle screener til  megan   BOWEN');
    expect(byName.texts[0]).toBe('Megan Bowen har nu rollerne: Jobformidler, Screener.');
    const unknown = await h.say(admin, 'giv rolle screener til Lynne Robbins');
    expect(unknown.texts[0]).toContain('Fremdrift kender ingen medarbejder, der hedder "lynne robbins"');

    // An activity without a name keeps the name known.
    await h.post(
      h.activity(megan, {
        type: 'message',
        text: 'hej',
        from: { id: megan.botUserId, aadObjectId: megan.aadObjectId },
      }),
    );
    expect((await h.services.directory.getUser(TEST_TENANT, megan.aadObjectId))?.displayName).toBe('Megan Bowen');

    const roles = (await h.say(admin, 'roller')).cards[0];
    expect(readable(roles)).toContain('Megan Bowen');
    expect(readable(roles)).not.toMatch(GUID);

    const screener = await h.userWithRoles('Anna Screener', ['screener']);
    const today = businessDate(new Date());
    const { card: summary } = await completeScreening(h, screener, '2026-88001', [
      ...POSITIVE_V1.slice(0, -1),
      { q_nextStepType: 'VISITATION_CONVERSATION', q_nextStepDate: today },
    ]);
    const open = await click(h, screener, summary, 'visitation.open');
    const details = await click(h, screener, open.card, 'visitation.next', {
      group: 'G1_INTERVENTION',
      conversationAt: today,
      rationale: 'READY_FOR_ORDINARY_HOURS',
    });
    const list = readable(details.card);
    expect(list).toContain('Megan Bowen');
    expect(list).toContain(`Kollega, der ikke har skrevet til Fremdrift endnu (…${unseen.aadObjectId.slice(-4)})`);
    expect(list).not.toMatch(GUID);
  });

  it('the roles card picks a new colleague with Teams’ people picker, the known colleagues as its list', async () => {
    const card = (await h.say(admin, 'roller')).cards[0];
    const picker = JSON.stringify(card).match(
      /\{"type":"Input.ChoiceSet","id":"newUserId".*?"choices.data":\{[^}]*\}(,"key":"[^"]*")?\}/,
    )?.[0];
    expect(JSON.parse(picker!)).toMatchObject({
      style: 'filtered',
      label: 'Medarbejder',
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    expect(JSON.parse(picker!).choices).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'Megan Bowen' })]),
    );
    expect(readable(JSON.parse(picker!))).not.toMatch(GUID);

    // What Teams sends back is the picked person's Entra object id; a name typed beside it is kept.
    const newcomer = h.user('Isaiah Langer');
    const added = await h.execute(admin, 'admin.roles.add', {
      newUserId: newcomer.aadObjectId,
      newUserName: 'Isaiah Langer',
      newRoles: 'leder',
    });
    expect(cardText(added.card)).toContain('Roller for Isaiah Langer er gemt: Leder.');
  });
});
