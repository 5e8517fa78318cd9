import { localEnv } from '../../bot/local/local-env';
import { PlaygroundHarness, type PlaygroundSession } from '../harness/playground';

/** What `npm start` sets (bot/local/local-env.ts), as the configuration of the bot under test. */
function npmStartEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(localEnv({}).env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * Issue 13 item 1 in the browser: a trial user of `npm start` meets Fremdrift in Danish, although
 * the Agents Playground sends locale en-US on every activity; the welcome card's button switches
 * to English and "sprog dansk" back.
 */
describe('npm start in the Agents Playground speaks Danish first', () => {
  let pg: PlaygroundHarness;
  let s: PlaygroundSession;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ env: npmStartEnv() });
    s = await pg.open();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  it('greets the first user with a Danish welcome card', async () => {
    await s.openPersonalChat();
    await s.waitForText('Velkommen til Fremdrift');
    await s.waitForText('Dine roller: Administrator');
    await s.waitForText('Skriv "hjælp" for at se, hvad du kan.');
    await s.screenshot('playground-welcome-danish');
    // The Playground did send English: the bot chose Danish because npm start says so.
    const user = await pg.services.directory.getUser(pg.tenantId, pg.user.aadObjectId);
    expect(user).toMatchObject({ teamsLocale: 'en' });
    expect(user?.language).toBeUndefined();
  });

  it('switches to English with the button on the card, and back with "sprog dansk"', async () => {
    await s.clickCardButton('In English');
    await s.waitForText('Fremdrift now writes to you in English');
    await s.send('hjælp');
    await s.waitForText('What can I help with?');
    await s.send('sprog dansk');
    await s.waitForText('Fremdrift skriver nu på dansk til dig');
    await s.send('hjælp');
    await s.waitForText('Hvad kan jeg hjælpe med?');
    await s.screenshot('playground-language-switched-back');
    expect((await pg.services.directory.getUser(pg.tenantId, pg.user.aadObjectId))?.language).toBe('da');
  });
});
