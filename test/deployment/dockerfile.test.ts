import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readRepoFile, REPO } from './bicep-reader';

/** There is no Docker engine here; these checks read the Dockerfile for what the image must guarantee. */
interface Stage {
  readonly from: string;
  readonly name: string | undefined;
  readonly instructions: { op: string; args: string }[];
}

function stages(dockerfile: string): Stage[] {
  const joined = dockerfile.replace(/\\\n/g, ' ');
  const out: { from: string; name: string | undefined; instructions: { op: string; args: string }[] }[] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      out.push({ from: m?.[1] ?? args, name: m?.[2], instructions: [] });
    } else out[out.length - 1]?.instructions.push({ op: op.toUpperCase(), args });
  }
  return out;
}

const dockerfile = readRepoFile('Dockerfile');
const all = stages(dockerfile);
const runtime = all[all.length - 1]!;
const ops = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op).map((i) => i.args);

describe('Dockerfile', () => {
  it('is multi-stage and builds every stage on one Node 22 slim image pinned by its digest', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const bases = new Set(all.map((s) => s.from));
    expect(bases.size).toBe(1);
    const [base] = [...bases];
    // A tag alone can point to a different image tomorrow; the sha256 index digest cannot.
    expect(base).toMatch(/^node:22[.\w-]*-slim@sha256:[0-9a-f]{64}$/);
  });

  it('has no embedded-store data folder: the production image needs COSMOS_ENDPOINT', () => {
    expect(ops(runtime, 'ENV').join(' ')).not.toMatch(/DATA_DIR/);
    expect(ops(runtime, 'RUN').join(' ')).not.toMatch(/\/data/);
  });

  it('runs as a non-root user', () => {
    const user = ops(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
  });

  it('ships production dependencies only: node_modules come from an `npm ci --omit=dev` stage', () => {
    const nodeModulesFrom = ops(runtime, 'COPY')
      .map((args) => /--from=(\S+)\s+\S*node_modules/.exec(args)?.[1])
      .filter((x): x is string => x !== undefined);
    expect(nodeModulesFrom).toHaveLength(1);
    const source = all.find((s) => s.name === nodeModulesFrom[0])!;
    expect(ops(source, 'RUN').join(' ')).toMatch(/npm ci --omit=dev/);
    // The runtime stage installs nothing itself, and copies no dev-dependency tree from the build stage.
    expect(ops(runtime, 'RUN').join(' ')).not.toMatch(/npm (ci|install)/);
    expect(ops(runtime, 'COPY').some((args) => /^\S*\s*\.\s+\.$/.test(args))).toBe(false);
  });

  it('runs the compiled JavaScript from `npm run build` with NODE_ENV=production', () => {
    const build = all.find((s) => ops(s, 'RUN').some((r) => r.includes('npm run build')));
    expect(build).toBeDefined();
    expect(ops(runtime, 'COPY').some((args) => new RegExp(`--from=${build!.name}\\s+/app/dist`).test(args))).toBe(true);
    expect(ops(runtime, 'CMD').at(-1)).toBe('["node", "dist/bot/main.js"]');
    expect(ops(runtime, 'ENV').join(' ')).toMatch(/NODE_ENV=production/);
  });

  it('checks health on /healthz', () => {
    const healthcheck = ops(runtime, 'HEALTHCHECK').at(-1) ?? '';
    expect(healthcheck).toMatch(/CMD/);
    expect(healthcheck).toContain('/healthz');
  });

  it('keeps secrets, local data and dependencies out of the build context', () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['node_modules', '.git', '.env', '.data', 'env/.env.*.user', 'dist'])
      expect(ignored).toContain(entry);
  });

  it('keeps in the build context every folder `npm run build` compiles, including what they import', () => {
    const ignored = new Set(
      readRepoFile('.dockerignore')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!')),
    );
    const include = (JSON.parse(readRepoFile('tsconfig.build.json')) as { include: string[] }).include;
    const tsFiles = (dir: string): string[] =>
      readdirSync(path.join(REPO, dir)).flatMap((name) => {
        const rel = path.join(dir, name);
        return statSync(path.join(REPO, rel)).isDirectory() ? tsFiles(rel) : rel.endsWith('.ts') ? [rel] : [];
      });
    const topLevel = new Set(include);
    for (const file of include.flatMap(tsFiles))
      for (const m of readRepoFile(file).matchAll(/from '(\.{1,2}\/[^']+)'/g))
        topLevel.add(path.relative(REPO, path.resolve(REPO, path.dirname(file), m[1]!)).split(path.sep)[0]!);
    expect(topLevel.size).toBeGreaterThan(1);
    for (const dir of topLevel) expect(ignored.has(dir) ? `ignored: ${dir}` : dir).toBe(dir);
  });
});
