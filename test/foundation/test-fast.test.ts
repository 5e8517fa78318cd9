import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run test:fast` leaves out exactly the tests that need Chromium or start child processes;
 * a new test of either kind that the fast config does not list would make it slow or flaky.
 */
const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fast = require(path.join(ROOT, 'jest.fast.config.js')) as { testPathIgnorePatterns: string[] };

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? testFiles(full) : full.endsWith('.test.ts') ? [full] : [];
  });
}

describe('npm run test:fast', () => {
  const files = testFiles(path.join(ROOT, 'test')).map((f) => '/' + path.relative(ROOT, f).split(path.sep).join('/'));
  const left = (f: string) => fast.testPathIgnorePatterns.some((p) => new RegExp(p).test(f));
  // Written in two parts so this file does not match itself.
  const SLOW = new RegExp(['harness/' + 'playground', "from 'node:" + "child_process'"].join('|'));
  const slow = (f: string) => SLOW.test(readFileSync(path.join(ROOT, f), 'utf8'));

  it('leaves out every browser and child-process test, and nothing else', () => {
    expect(files.filter((f) => slow(f) && !left(f))).toEqual([]);
    expect(files.filter((f) => left(f) && !slow(f))).toEqual([]);
    expect(files.filter(left).length).toBeGreaterThan(0);
  });
});
