import { ConfigError, loadConfig } from '../../bot/config';
import { localEnv } from '../../bot/local/local-env';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
  return [];
};

describe('configuration', () => {
  it('starts locally with nothing set: embedded store, port 3978, ./.data, auth off', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.DATA_DIR).toBe('./.data');
    expect(c.COSMOS_ENDPOINT).toBeUndefined();
    expect(c.MICROSOFT_APP_ID).toBeUndefined();
    expect(c.ALLOWED_TENANT_IDS).toEqual([]);
  });

  it('names the variable and what is expected when a value is bad', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT: expected a port number/)]);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT: expected 0-65535 \(got "70000"\)/);
    expect(problemsOf({ COSMOS_ENDPOINT: 'not a url' })[0]).toMatch(/^COSMOS_ENDPOINT: expected an https URL/);
    expect(problemsOf({ ADMIN_AAD_OBJECT_IDS: 'bob' })[0]).toMatch(
      /^ADMIN_AAD_OBJECT_IDS: expected a comma-separated list of GUIDs/,
    );
    expect(problemsOf({ NODE_ENV: 'prod' })[0]).toMatch(/^NODE_ENV: expected development, test or production/);
  });

  it("follows Teams' language by default; npm start makes Danish the default unless told otherwise", () => {
    expect(loadConfig({}).DEFAULT_LANGUAGE).toBe('teams');
    expect(problemsOf({ DEFAULT_LANGUAGE: 'dk' })[0]).toMatch(
      /^DEFAULT_LANGUAGE: expected teams, da or en \(got "dk"\)/,
    );
    expect(loadConfig(localEnv({}).env).DEFAULT_LANGUAGE).toBe('da');
    expect(loadConfig(localEnv({ DEFAULT_LANGUAGE: 'teams' }).env).DEFAULT_LANGUAGE).toBe('teams');
  });

  it('never echoes secrets in the message', () => {
    const problems = problemsOf({ DIGEST_RUN_TOKEN: 'short-secret' });
    expect(problems[0]).toMatch(/^DIGEST_RUN_TOKEN: expected a secret of at least 32 characters$/);
    expect(problems.join()).not.toContain('short-secret');
  });

  it('requires the bot secret and tenant when an app id is set', () => {
    const problems = problemsOf({ MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is SingleTenant/),
        expect.stringMatching(/^MICROSOFT_APP_PASSWORD: required/),
      ]),
    );
    expect(
      problemsOf({
        MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001',
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_TENANT_ID: '00000000-0000-4000-8000-000000000002',
      }),
    ).toEqual([]);
  });

  it('fails fast in production without the settings production needs, naming each', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    for (const name of [
      'COSMOS_ENDPOINT',
      'MICROSOFT_APP_ID',
      'DIGEST_RUN_TOKEN',
      'CASE_REF_HASH_KEY',
      'ALLOWED_TENANT_IDS',
    ]) {
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^${name}: required in production`))]),
      );
    }
  });

  it('parses lists and booleans', () => {
    const c = loadConfig({ ALLOWED_TENANT_IDS: ' a , b,', SCHEDULER_ENABLED: 'false' });
    expect(c.ALLOWED_TENANT_IDS).toEqual(['a', 'b']);
    expect(c.SCHEDULER_ENABLED).toBe(false);
  });
});
