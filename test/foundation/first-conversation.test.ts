import { BotHarness, cardText, actionsOf } from '../harness/bot-harness';

describe('first conversation', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('greets a screener on personal install with what the bot can do for that role, in Danish', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const r = await h.install(anna);
    expect(r.status).toBe(200);
    expect(r.cards).toHaveLength(1);
    const text = cardText(r.cards[0]);
    expect(text).toContain('Velkommen til Fremdrift');
    expect(text).toContain('Som screener');
    expect(text).not.toContain('Som jobformidler');
  });

  it('answers "help" in English when Teams says the locale is English, listing only the commands of the role', async () => {
    const admin = await h.userWithRoles('Ada', ['admin'], { locale: 'en-US' });
    const r = await h.say(admin, 'help');
    const text = cardText(r.cards[0]);
    expect(text).toContain('What can I help with?');
    expect(text).toContain('roles');
    const screener = await h.userWithRoles('Sam', ['screener']);
    const s = await h.say(screener, 'hjælp');
    expect(cardText(s.cards[0])).toContain('Hvad kan jeg hjælpe med?');
    expect(cardText(s.cards[0])).not.toContain('roller');
  });

  it('tells a user without a role to ask their admin, and shows their Entra id', async () => {
    const nobody = h.user('Nobody');
    const r = await h.say(nobody, 'hjælp');
    const text = cardText(r.cards[0]);
    expect(text).toContain('Bed din administrator');
    expect(text).toContain(nobody.aadObjectId);
    const other = await h.say(nobody, 'roller');
    expect(other.texts.join()).toContain('ingen rolle');
  });

  it('points to help on anything it does not understand', async () => {
    const u = await h.userWithRoles('Jo', ['jobformidler']);
    const r = await h.say(u, 'hvad er klokken');
    expect(r.texts).toEqual(['Det forstod jeg ikke. Skriv "hjælp" for at se, hvad jeg kan hjælpe med.']);
  });

  it('runs a command from a help-card button (Action.Execute) and replaces the card', async () => {
    const admin = await h.userWithRoles('Admin', ['admin']);
    const help = await h.say(admin, 'hjælp');
    const button = actionsOf(help.cards[0]).find((a) => a.data.command === 'roller');
    expect(button).toBeDefined();
    const r = await h.execute(admin, button!.verb, button!.data);
    expect(r.status).toBe(200);
    expect(cardText(r.card)).toContain('Roller i Fremdrift');
  });
});
