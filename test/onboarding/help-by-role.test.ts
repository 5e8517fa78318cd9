import { buildFeatures } from '../../bot/features/registry';
import { commandBeforePlaceholder } from '../../bot/features/onboarding/help-groups';
import { BotHarness, BOT_ID, actionsOf, cardText, type TestUser, type Where } from '../harness/bot-harness';
import { documentsOf } from '../privacy/fixtures';
import type { AdaptiveCard } from '../../cards/types';

/**
 * The help card (issue 13 item 6): grouped by the user's roles, with buttons for what starts from a
 * button, only what the roles allow, and in a channel only what works there with a pointer to the
 * 1:1 chat. Before: one list of ~25 commands saying "use the buttons" without any.
 */
const headings = (card: AdaptiveCard | undefined): string[] => {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && o.size === 'Medium' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
};

/** Button titles, in order: runs (Action.Execute at the top level of an ActionSet) and case-number asks (ShowCard). */
const buttons = (card: AdaptiveCard | undefined): string[] => {
  const out: string[] = [];
  const walk = (node: unknown, inShowCard: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inShowCard));
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.ShowCard') out.push(String(o.title));
    else if (o.type === 'Action.Execute' && !inShowCard) out.push(String(o.title));
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v, inShowCard || o.type === 'Action.ShowCard');
  };
  walk(card, false);
  return out;
};

describe('help, grouped by role', () => {
  let h: BotHarness;
  const help = async (user: TestUser, where: Where = {}) => (await h.say(user, 'hjælp', where)).cards[0];
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('a screener sees the screener’s commands with buttons, and nothing of other roles', async () => {
    const card = await help(await h.userWithRoles('Sofie Screener', ['screener']));
    expect(headings(card)).toEqual(['Som screener', 'For alle']);
    expect(buttons(card)).toEqual([
      'Ny screening',
      'Mine screeninger',
      'Screeningssvar …',
      'Visitation …',
      'Velkommen',
      'In English',
    ]);
    const text = cardText(card);
    expect(text).toContain('Tryk på en knap – eller skriv kommandoen i chatten.');
    const lines = text.split('\n');
    for (const other of ['mine borgere', 'roller', 'vis ugerapport', 'log for sag SAGSNUMMER'])
      expect(lines).not.toContain(other);
    expect(lines).toContain('ny screening');
  });

  it('a jobformidler sees Mine borgere and the case commands; a leader the digest; an admin the admin commands', async () => {
    const jf = await help(await h.userWithRoles('Jens Jobformidler', ['jobformidler']));
    expect(headings(jf)).toEqual(['Som jobformidler', 'For alle']);
    expect(buttons(jf)).toEqual(expect.arrayContaining(['Mine borgere', 'Sag …', 'Progression …', 'Screeningssvar …']));
    expect(cardText(jf)).not.toContain('ny screening');

    const leader = await help(await h.userWithRoles('Lene Leder', ['leder']));
    expect(headings(leader)).toEqual(['Som leder', 'For alle']);
    expect(buttons(leader)).toEqual([
      'Abonnér på ugerapport',
      'Afmeld ugerapport',
      'Vis ugerapport',
      'Velkommen',
      'In English',
    ]);

    const both = await help(await h.userWithRoles('Bo Begge', ['admin', 'screener']));
    expect(headings(both)).toEqual(['Som screener', 'Som administrator', 'For alle']);
    expect(buttons(both)).toEqual(expect.arrayContaining(['Roller', 'Indstillinger', 'Log for sag …', 'Slet sag …']));
    // Typed-only commands are listed with an example, without a button.
    expect(cardText(both)).toContain('giv rolle screener til NAVN');
    expect(cardText(both)).toContain('log for sag SAGSNUMMER');
    expect(cardText(both)).not.toMatch(/<[^>]+>/);
    expect(buttons(both)).not.toContain('Giv rolle screener til');
  });

  it('a case-number button asks for the number and runs the command with it', async () => {
    const jens = await h.userWithRoles('Jens Andersen', ['jobformidler']);
    const run = actionsOf(await help(jens)).find((a) => a.verb === 'command.run' && a.data.command === 'sag');
    expect(run?.data).toMatchObject({ command: 'sag', argumentInput: 'ask_case_open' });
    const opened = await h.execute(jens, 'command.run', { ...run!.data, ask_case_open: ' FR-NONE-0001 ' });
    expect(cardText(opened.card)).toContain('Det kunne ikke findes');

    const before = await documentsOf(h.services);
    const empty = await h.execute(jens, 'command.run', { ...run!.data, ask_case_open: '  ' });
    expect(cardText(empty.card)).toBe('Udfyld "Sagsnummer".');
    const cpr = await h.execute(jens, 'command.run', { ...run!.data, ask_case_open: '010165-1234' });
    expect(cardText(cpr.card)).toContain('CPR-nummer');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('in a channel: only what works there, and a pointer to the 1:1 chat for the rest', async () => {
    const user = await h.userWithRoles('Lise Leder', ['leder', 'screener', 'jobformidler']);
    const channel: Where = { kind: 'channel', teamId: '19:team-help@thread.tacv2', channelId: '19:help@thread.tacv2' };
    const card = await help(user, channel);
    expect(headings(card)).toEqual(['Som leder', 'For alle']);
    expect(buttons(card)).toEqual([
      'Abonnér på ugerapport',
      'Afmeld ugerapport',
      'Vis ugerapport',
      'Velkommen',
      'In English',
    ]);
    expect(cardText(card)).toContain('alt med sager og borgere foregår i din 1:1-chat med Fremdrift');
    expect(JSON.stringify(card)).toContain(`https://teams.microsoft.com/l/chat/0/0?users=${BOT_ID}`);
    expect(cardText(card)).not.toContain('ny screening');
  });

  it('in English the same groups, with English titles', async () => {
    const card = await help(await h.userWithRoles('Eve', ['jobformidler'], { locale: 'en-GB' }));
    expect(headings(card)).toEqual(['As a jobformidler', 'For everyone']);
    expect(buttons(card)).toEqual(expect.arrayContaining(['My citizens', 'Case …']));
  });
});

describe('every help button runs its own command', () => {
  const { router } = buildFeatures();
  it.each(['da', 'en'] as const)('in %s', (locale) => {
    const withButtons = router.listCommands().filter((c) => c.helpButton !== undefined);
    expect(withButtons.length).toBeGreaterThan(10);
    for (const c of withButtons) {
      const example = c.help!.example[locale];
      const typed = c.helpButton === 'run' ? example : `${commandBeforePlaceholder(example)} FR-TEST-0001`;
      expect([c.id, router.commandFor(typed)?.command.id]).toEqual([c.id, c.id]);
    }
  });
});
