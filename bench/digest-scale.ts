import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../bot/config';
import { CaseFactsSchema, SensitiveFactsSchema } from '../bot/domain/case-facts';
import { defaultTenantSettings } from '../bot/domain/tenant-settings';
import { createLogger } from '../bot/log';
import { digestWeekFor } from '../bot/features/digest/calendar';
import { computeDigest as computeFromStore } from '../bot/features/digest/compute-digest';
import { computeDigest as computeInMemory } from '../bot/features/digest/metrics/digest-metrics';
import { DirectoryRepository } from '../bot/store/directory-repository';
import { openStore } from '../bot/store/cosmos-store';
import { BENCH_AS_OF, BENCH_TENANT, BENCH_WEEK, syntheticCases, syntheticCompanySide } from './synthetic-municipality';
import { CompanyContactDocSchema, JobOpeningDocSchema } from '../bot/domain/company';
import type { CompanyActivity } from '../bot/features/digest/metrics/company-activity';
import { machine } from './lib/stats';

/**
 * Digest cost at 500 / 5,000 / 20,000 synthetic cases, each with a year of history.
 *
 *   npm run bench:digest             (all sizes, each in a fresh process)
 *
 * Two numbers per size:
 *  - metrics: the pure one-pass computation over facts already in memory;
 *  - end to end: reading the facts from the embedded Cosmos server through the real SDK (pages
 *    of 1,000, zod on every document), computing, and reading the trend snapshots — what a
 *    scheduled run or a preview does. Seeding the store is not timed.
 * A third number reads all the facts documents through the SDK with no digest code, to tell the store's
 * cost from ours.
 * Memory: peak heap above the level before the timed part (sampled every 5 ms while it awaits I/O,
 * plus before/after), and the process's peak RSS (which includes the in-process Cosmos server and
 * all its documents). Results go to stdout and bench/results/.
 */
// BENCH_DIGEST_SIZES=20000 measures one size only (while iterating).
const SIZES = (process.env.BENCH_DIGEST_SIZES ?? '500,5000,20000').split(',').map(Number);

interface Measurement {
  readonly cases: number;
  readonly metricsMs: number;
  /** The same computation again in the same process: without the JIT's warm-up. */
  readonly metricsWarmMs: number;
  readonly metricsHeapMb: number;
  readonly rawReadMs: number;
  readonly endToEndMs: number;
  readonly endToEndHeapMb: number;
  readonly peakRssMb: number;
  /** The process's RSS at its highest while the digest ran end to end (the store's documents included). */
  readonly endToEndRssMb: number;
  readonly m1: string;
  /** M15 from the store: company-directed contacts of all contacts (so the company side was read). */
  readonly m15: string;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const gc = (): void => (global as { gc?: () => void }).gc?.();

async function measure<T>(
  work: () => Promise<T> | T,
): Promise<{ ms: number; heapMb: number; rssMb: number; result: T }> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 5);
  const started = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  rss = Math.max(rss, process.memoryUsage().rss);
  clearInterval(sampler);
  return { ms: Math.round(ms), heapMb: mb(peak - base), rssMb: mb(rss), result };
}

async function child(n: number): Promise<Measurement> {
  const data = [...syntheticCases(n)];
  // The generator must produce what the projection writer could: check a sample against the schemas.
  for (const d of data.slice(0, 50)) {
    CaseFactsSchema.parse(d.facts);
    SensitiveFactsSchema.parse(d.sensitive);
  }
  // The company side (M14, M15): contacts and openings in `directory`, checked against their schemas too.
  const companySide = [...syntheticCompanySide(n)];
  for (const d of companySide.slice(0, 50))
    (d.type === 'company_contact' ? CompanyContactDocSchema : JobOpeningDocSchema).parse(d);
  const activity: CompanyActivity[] = companySide.map((d) =>
    d.type === 'company_contact'
      ? { kind: 'contact', date: d.date, staffId: d.staffId, contactKind: d.kind }
      : { kind: 'opening', date: d.registeredOn, staffId: d.createdBy },
  );
  const ctx = { asOf: BENCH_AS_OF, isoWeek: BENCH_WEEK, settings: defaultTenantSettings() };
  const facts = data.map((d) => d.facts);
  const sensitive = data.map((d) => d.sensitive);
  const inMemory = await measure(() => computeInMemory(ctx, facts, sensitive, activity));
  const warm = await measure(() => computeInMemory(ctx, facts, sensitive, activity));
  facts.length = 0;
  sensitive.length = 0;

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() });
  const store = await openStore(config, createLogger('silent'), { persist: false });
  try {
    for (let i = 0; i < data.length; i += 64) {
      await Promise.all(
        data
          .slice(i, i + 64)
          .flatMap((d) => [
            store.containers.cases.items.create(d.facts),
            store.containers.sensitive.items.create(d.sensitive),
          ]),
      );
    }
    for (let i = 0; i < companySide.length; i += 64)
      await Promise.all(companySide.slice(i, i + 64).map((d) => store.containers.directory.items.create(d)));
    data.length = 0;
    // The store's own cost: the same documents read through the SDK with no digest code at all.
    const rawRead = await measure(async () => {
      let count = 0;
      for (const container of [store.containers.cases, store.containers.sensitive]) {
        const pages = container.items.query(
          { query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: BENCH_TENANT }] },
          { maxItemCount: 5000 },
        );
        while (pages.hasMoreResults()) count += (await pages.fetchNext()).resources.length;
      }
      return count;
    });
    const directory = new DirectoryRepository(store);
    const spec = { scope: 'municipality' as const, scopeKey: 'municipality' };
    const endToEnd = await measure(() =>
      computeFromStore({ store, directory }, BENCH_TENANT, spec, digestWeekFor(BENCH_WEEK)),
    );
    if (endToEnd.result.stats.skipped > 0)
      throw new Error(`${endToEnd.result.stats.skipped} documents failed validation`);
    if (endToEnd.result.computation.aggregates.cases !== n) throw new Error('Not every case was read');
    const m1 = endToEnd.result.computation.aggregates.m1.share;
    const m15 = endToEnd.result.computation.aggregates.m15;
    if ((m15?.companyFacing ?? 0) === 0) throw new Error('The company side was not read');
    return {
      cases: n,
      metricsMs: inMemory.ms,
      metricsWarmMs: warm.ms,
      metricsHeapMb: inMemory.heapMb,
      rawReadMs: rawRead.ms,
      endToEndMs: endToEnd.ms,
      endToEndHeapMb: endToEnd.heapMb,
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
      endToEndRssMb: endToEnd.rssMb,
      m1: `${m1.numerator}/${m1.denominator}`,
      m15: `${m15?.companyFacing ?? 0}/${m15?.all ?? 0}`,
    };
  } finally {
    await store.close();
  }
}

function main(): void {
  const rows: Measurement[] = [];
  for (const n of SIZES) {
    const run = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(`Benchmark for ${n} cases failed:\n${run.stderr}`);
    const line = run.stdout.trim().split('\n').pop() ?? '';
    rows.push(JSON.parse(line) as Measurement);
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  const date = new Date().toISOString();
  const per = (ms: number, n: number): string => `${Math.round((ms / n) * 1000)} µs`;
  const table = [
    '| cases | metrics (in memory, first run) | per case | metrics, warm | end to end (embedded Cosmos) | per case | raw SDK read of all facts documents, no digest code | heap peak above base (metrics / end to end) | peak RSS (whole run, with generating and inserting) | RSS during the digest | M1 | M15 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.cases} | ${r.metricsMs} ms | ${per(r.metricsMs, r.cases)} | ${r.metricsWarmMs} ms | ${r.endToEndMs} ms | ${per(r.endToEndMs, r.cases)} | ${r.rawReadMs} ms | ${r.metricsHeapMb} / ${r.endToEndHeapMb} MB | ${r.peakRssMb} MB | ${r.endToEndRssMb} MB | ${r.m1} | ${r.m15} |`,
    ),
  ].join('\n');
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const report = `Digest benchmark, ${date}, commit ${commit}\nMachine: ${machine()}; load average ${load}\nTarget: 5,000 cases end to end under 2 s; cost linear in cases.\n\n${table}\n`;
  process.stdout.write(report);
  const dir = path.join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `digest-scale-${date.slice(0, 10)}.md`), report);
}

if (process.argv[2] === '--child') {
  child(Number(process.argv[3])).then(
    (m) => process.stdout.write(`${JSON.stringify(m)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
} else {
  main();
}
