// `npm run audit:offline`: checks package-lock.json against the advisories vendored in
// security/advisories.json, for machines where `npm audit` cannot reach the registry. Fails when a
// production package is in an advisory's range without a reasoned exception, and when an exception
// no longer matches anything (so the list in SECURITY.md stays true). Development-only packages are
// listed but do not fail the check unless --include-dev is given. Where the network allows it, run
// `npm audit --omit=dev` as well: this list only knows what was copied into it.
//   node scripts/audit-offline.js [--lockfile <path>] [--advisories <path>] [--include-dev]
// Plain Node, no dependencies.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? path.resolve(args[at + 1]) : fallback;
};
const lockfilePath = option('--lockfile', path.join(root, 'package-lock.json'));
const advisoriesPath = option('--advisories', path.join(root, 'security', 'advisories.json'));
const includeDev = args.includes('--include-dev');

/** [major, minor, patch, prerelease parts] of a semver version; undefined if it is not one. */
function parse(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(String(version).trim());
  if (m === null) return undefined;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] === undefined ? [] : m[4].split('.') };
}

/** Semver precedence: negative, zero or positive. "0" (OSV's "introduced: 0") is below everything. */
function compare(a, b) {
  if (a === '0' || b === '0') return a === b ? 0 : a === '0' ? -1 : 1;
  const x = parse(a);
  const y = parse(b);
  if (x === undefined || y === undefined) throw new Error(`Not a version: ${x === undefined ? a : b}`);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i] - y.core[i];
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** OSV ECOSYSTEM range: introduced <= v < fixed, or introduced <= v <= last_affected. */
function inRange(version, range) {
  if (compare(version, range.introduced ?? '0') < 0) return false;
  if (range.fixed !== undefined) return compare(version, range.fixed) < 0;
  if (range.last_affected !== undefined) return compare(version, range.last_affected) <= 0;
  return true;
}

/** Every installed package of the lockfile: name, version, where, and whether only dev dependencies need it. */
function installed(lockfile) {
  const out = [];
  for (const [where, entry] of Object.entries(lockfile.packages ?? {})) {
    if (where === '' || entry.link === true || entry.version === undefined) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    out.push({ name, version: entry.version, where, dev: entry.dev === true });
  }
  return out;
}

function audit(lockfile, data) {
  const findings = [];
  for (const pkg of installed(lockfile))
    for (const advisory of data.advisories)
      for (const affected of advisory.affected)
        if (affected.package === pkg.name && affected.ranges.some((r) => inRange(pkg.version, r)))
          if (!findings.some((f) => f.advisory === advisory && f.pkg.where === pkg.where))
            findings.push({ advisory, pkg });
  const exceptionFor = (f) => (data.exceptions ?? []).find((e) => e.id === f.advisory.id && e.package === f.pkg.name);
  const blocking = findings.filter((f) => exceptionFor(f) === undefined && (includeDev || !f.pkg.dev));
  const stale = (data.exceptions ?? []).filter(
    (e) => !findings.some((f) => f.advisory.id === e.id && f.pkg.name === e.package && !f.pkg.dev),
  );
  return { findings, blocking, stale, exceptionFor };
}

const lockfile = JSON.parse(fs.readFileSync(lockfilePath, 'utf8'));
const data = JSON.parse(fs.readFileSync(advisoriesPath, 'utf8'));
const { findings, blocking, stale, exceptionFor } = audit(lockfile, data);

const line = (f) => {
  const e = exceptionFor(f);
  const tree = f.pkg.dev ? 'dev only' : 'production';
  const verdict =
    e !== undefined
      ? `exception: ${e.reachable ? 'reachable' : 'not reachable'}`
      : f.pkg.dev && !includeDev
        ? 'not shipped (pass --include-dev to fail on it)'
        : 'NOT EXCEPTED';
  return `  ${f.advisory.id} ${f.advisory.severity.padEnd(8)} ${f.pkg.name}@${f.pkg.version} (${tree}, ${f.pkg.where}) - ${verdict}`;
};
process.stdout.write(
  `Checked ${path.relative(process.cwd(), lockfilePath) || lockfilePath} against ${data.advisories.length} advisories (list reviewed ${data.reviewed}).\n`,
);
if (findings.length === 0) process.stdout.write('No installed package is in an advisory range.\n');
else process.stdout.write(`In an advisory range:\n${findings.map(line).join('\n')}\n`);

const failures = [
  ...blocking.map(
    (f) =>
      `${f.advisory.id} (${f.advisory.summary}) affects ${f.pkg.name}@${f.pkg.version}: upgrade it, or add a reasoned exception to security/advisories.json and SECURITY.md`,
  ),
  ...stale.map(
    (e) =>
      `the exception for ${e.id} (${e.package}) matches no production package any more: remove it from security/advisories.json and SECURITY.md`,
  ),
];
if (failures.length > 0) {
  process.stderr.write(`audit:offline failed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('audit:offline passed.\n');
