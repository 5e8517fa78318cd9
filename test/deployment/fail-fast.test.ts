import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './bicep-reader';

/**
 * Runs the real entry point (bot/main.ts) in a child process, as `node dist/bot/main.js` would,
 * without a build: a require hook transpiles TypeScript on the fly. main.ts loads the rest of the
 * app only after the configuration passed, so a bad configuration never touches the network.
 */
const HOOK = `
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
require(${JSON.stringify(path.join(REPO, 'bot', 'main.ts'))});
`;

function runMain(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', HOOK], {
    cwd: REPO,
    // A clean environment: nothing from the test runner's shell may satisfy a requirement by accident.
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('production start-up without the required settings', () => {
  it('exits at once with code 78 and a message naming every missing setting', () => {
    const { status, stderr } = runMain({ NODE_ENV: 'production' });
    expect(status).toBe(78);
    expect(stderr).toContain('Invalid configuration:');
    for (const name of [
      'COSMOS_ENDPOINT',
      'MICROSOFT_APP_ID',
      'DIGEST_RUN_TOKEN',
      'CASE_REF_HASH_KEY',
      'ALLOWED_TENANT_IDS',
    ])
      expect(stderr).toContain(`${name}: required in production`);
    expect(stderr).toContain('docs/deploy.md');
  });

  it('refuses an unresolved Key Vault reference and never prints a secret value', () => {
    const { status, stderr } = runMain({
      NODE_ENV: 'production',
      CASE_REF_HASH_KEY: '@Microsoft.KeyVault(VaultName=kv-abc;SecretName=case-ref-hash-key)',
      DIGEST_RUN_TOKEN: 'this-is-a-real-looking-secret-value-of-48-chars!!',
    });
    expect(status).toBe(78);
    expect(stderr).toContain('CASE_REF_HASH_KEY: a Key Vault reference App Service could not resolve');
    expect(stderr).not.toContain('this-is-a-real-looking-secret-value');
  });
});
