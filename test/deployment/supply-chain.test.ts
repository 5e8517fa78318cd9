import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRepoFile, REPO } from './bicep-reader';

/**
 * Issue 18, items 8-12: what the production tree carries. The lockfile is the record of what
 * `npm ci --omit=dev` installs (entries without "dev": true); test/deployment/production-start.test.ts
 * proves the app starts on exactly that.
 */

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly engines?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
}
interface PackageJson {
  readonly engines: { node: string };
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  readonly overrides: Record<string, unknown>;
  readonly scripts: Record<string, string>;
}

const pkg = JSON.parse(readRepoFile('package.json')) as PackageJson;
const lock = JSON.parse(readRepoFile('package-lock.json')) as { packages: Record<string, LockEntry> };
const entry = (where: string): LockEntry | undefined => lock.packages[where];
const minMajor = (range: string): number => Number(/>=\s*v?(\d+)/.exec(range)?.[1] ?? NaN);

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(REPO, rel)).isDirectory() ? tsFiles(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

describe('the production dependency tree (issue 18, items 8, 9, 11)', () => {
  it('loads the embedded Cosmos server only lazily: no production module imports it, or any dev-only package, statically', () => {
    const devOnly = Object.keys(pkg.devDependencies);
    const offenders: string[] = [];
    for (const file of tsFiles('bot')) {
      // embedded-cosmos.ts is the embedded server's own adapter, imported only by a dynamic import().
      if (file === path.join('bot', 'store', 'embedded-cosmos.ts')) continue;
      for (const m of readRepoFile(file).matchAll(/^import (?!type )[^;]*? from '([^']+)'/gm)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (devOnly.includes(name)) offenders.push(`${file}: ${m[1]}`);
        if (m[1]!.endsWith('/embedded-cosmos')) offenders.push(`${file}: static import of ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(readRepoFile('bot/store/cosmos-store.ts')).toMatch(/await import\('\.\/embedded-cosmos'\)/);
  });

  it('keeps the embedded server (and its @babel/traverse 7.6) and the card validator out of the production tree', () => {
    expect(pkg.dependencies).not.toHaveProperty('adaptivecards-templating');
    expect(pkg.devDependencies).not.toHaveProperty('adaptivecards-templating');
    for (const name of ['@vercel/cosmosdb-server', 'adaptivecards']) {
      expect(pkg.dependencies).not.toHaveProperty(name);
      expect(pkg.devDependencies).toHaveProperty(name);
      expect(entry(`node_modules/${name}`)?.dev).toBe(true);
    }
    expect(entry('node_modules/@babel/traverse')).toEqual(expect.objectContaining({ version: '7.6.2', dev: true }));
    for (const gone of ['adaptivecards-templating', 'adaptive-expressions', 'fast-xml-parser', '@xmldom/xmldom'])
      expect(entry(`node_modules/${gone}`)).toBeUndefined();
    // The test-only card validator is not compiled into dist/ (it would require a package production lacks).
    const build = JSON.parse(readRepoFile('tsconfig.build.json')) as { exclude: string[] };
    expect(build.exclude).toEqual(expect.arrayContaining(['cards/validate.ts', 'cards/teams-charts.ts']));
  });

  it('declares engines.node >= 22, as restify 12 and the Azure SDKs do', () => {
    const ours = minMajor(pkg.engines.node);
    const theirs = ['restify', '@azure/cosmos', '@azure/identity'].map((n) =>
      minMajor(entry(`node_modules/${n}`)!.engines!.node!),
    );
    expect(theirs.every((m) => m >= 22)).toBe(true);
    expect(ours).toBe(Math.max(...theirs));
  });

  it('still installs on the Node of a build machine that is older: nothing turns engine-strict on', () => {
    for (const file of ['.npmrc', path.join('env', '.npmrc')])
      if (existsSync(path.join(REPO, file))) expect(readRepoFile(file)).not.toMatch(/engine-strict\s*=\s*true/);
  });
});

describe("restify on the app's pino (issue 18, item 10)", () => {
  it("overrides restify's pino 8 with the app's pino, so fast-redact leaves the tree", () => {
    expect(pkg.overrides.restify).toEqual({ pino: '$pino' });
    expect(entry('node_modules/restify/node_modules/pino')).toBeUndefined();
    expect(entry('node_modules/fast-redact')).toBeUndefined();
    expect(minMajor(`>=${entry('node_modules/pino')!.version!}`)).toBeGreaterThanOrEqual(10);
  });
});

/** Runs `npm run audit:offline`'s script on a lockfile and advisory list. */
function audit(args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'audit-offline.js'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run audit:offline (issue 18, item 12)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-audit-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const lockfileWith = (name: string, packages: Record<string, LockEntry>): string => {
    const file = path.join(tmp, `${name}.json`);
    writeFileSync(file, JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }));
    return file;
  };
  // Without the two excepted packages, so their exceptions are not stale in the small fixtures.
  const advisories = JSON.parse(readRepoFile('security/advisories.json')) as {
    advisories: unknown[];
    exceptions: { id: string; package: string }[];
  };
  const noExceptions = path.join(tmp, 'no-exceptions.json');
  writeFileSync(noExceptions, JSON.stringify({ ...advisories, exceptions: [] }));

  it('passes on the committed lockfile, listing each advisory that touches it and its exception', () => {
    const { status, stdout } = audit();
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /GHSA-8cp3-66vr-3r4c CRITICAL formidable@1\.2\.6 \(production, [^)]+\) - exception: not reachable/,
    );
    expect(stdout).toMatch(
      /GHSA-w5hq-g745-h8pq MODERATE uuid@9\.0\.1 \(production, [^)]+\) - exception: not reachable/,
    );
    expect(stdout).toMatch(/GHSA-67hx-6x53-jw92 CRITICAL @babel\/traverse@7\.6\.2 \(dev only/);
  });

  it('fails on the tree as it was: @babel/traverse 7.6.2 and fast-redact 3.5.0 shipped in production', () => {
    const before = lockfileWith('before', {
      'node_modules/@babel/traverse': { version: '7.6.2' },
      'node_modules/fast-redact': { version: '3.5.0' },
    });
    const { status, stderr } = audit(['--lockfile', before, '--advisories', noExceptions]);
    expect(status).toBe(1);
    expect(stderr).toContain('GHSA-67hx-6x53-jw92');
    expect(stderr).toContain('affects @babel/traverse@7.6.2');
    expect(stderr).toContain('GHSA-ffrw-9mx8-89p8');
    expect(stderr).toContain('affects fast-redact@3.5.0');
  });

  it('reads ranges as semver, pre-releases included', () => {
    const flagged = (version: string): boolean =>
      audit([
        '--lockfile',
        lockfileWith(`v${version}`, { 'node_modules/@babel/traverse': { version } }),
        '--advisories',
        noExceptions,
      ]).status === 1;
    expect([
      ['7.23.1', flagged('7.23.1')],
      ['7.23.2', flagged('7.23.2')],
      ['8.0.0-alpha.3', flagged('8.0.0-alpha.3')],
      ['8.0.0-alpha.4', flagged('8.0.0-alpha.4')],
      ['8.0.0', flagged('8.0.0')],
    ]).toEqual([
      ['7.23.1', true],
      ['7.23.2', false],
      ['8.0.0-alpha.3', true],
      ['8.0.0-alpha.4', false],
      ['8.0.0', false],
    ]);
  });

  it('lets development-only findings pass unless --include-dev, and fails on an exception that no longer applies', () => {
    const devOnly = lockfileWith('dev', { 'node_modules/@babel/traverse': { version: '7.6.2', dev: true } });
    expect(audit(['--lockfile', devOnly, '--advisories', noExceptions]).status).toBe(0);
    expect(audit(['--lockfile', devOnly, '--advisories', noExceptions, '--include-dev']).status).toBe(1);
    const stale = audit(['--lockfile', devOnly]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('the exception for GHSA-8cp3-66vr-3r4c (formidable) matches no production package');
  });

  it('is explained in SECURITY.md: every vendored advisory and every exception, with its reason', () => {
    const security = readRepoFile('SECURITY.md');
    expect(pkg.scripts['audit:offline']).toBe('node scripts/audit-offline.js');
    for (const a of advisories.advisories as { id: string }[]) expect(security).toContain(a.id);
    for (const e of advisories.exceptions) expect(security).toMatch(new RegExp(`${e.id}[^\\n]*not reachable`));
  });
});
