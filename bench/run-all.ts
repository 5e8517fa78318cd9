import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatLatency, runTurnLatency } from './turn-latency';
import { formatThroughput, runThroughput } from './throughput';
import { formatFanOut, runFanOut } from './fan-out';
import { machine } from './lib/stats';

/**
 * `npm run bench`: every benchmark, printed as markdown tables with the machine, date and the
 * command (with the BENCH_* settings used), and saved as JSON in bench/results/.
 * BENCH_ONLY=latency,throughput runs a subset (latency, throughput, fanout, seed, digest).
 */
interface Section {
  readonly id: string;
  readonly title: string;
  run(): Promise<{ text: string; data: unknown }>;
}

const SECTIONS: Section[] = [
  {
    id: 'latency',
    title: 'Turn latency (ratio to a bare teams-ai echo turn, same run, same server)',
    run: async () => {
      const rows = await runTurnLatency();
      return { text: formatLatency(rows), data: rows };
    },
  },
  {
    id: 'throughput',
    title: 'Throughput (simulated staff over HTTP, no think time)',
    run: async () => {
      const result = await runThroughput();
      return { text: formatThroughput(result), data: result };
    },
  },
  {
    id: 'fanout',
    title: 'Fan-out: the digest to 200 channels with injected 429 (Retry-After) and 5xx',
    run: async () => {
      const result = await runFanOut();
      return { text: formatFanOut(result), data: result };
    },
  },
  {
    id: 'seed',
    title: 'Scale: the synthetic municipality seeded through the app (seed:demo)',
    run: async () => seedSection(),
  },
  {
    id: 'digest',
    title: 'Digest at scale (500 / 5,000 / 20,000 cases: time and peak memory)',
    run: async () => {
      // The digest feature's own benchmark (bench/digest-scale.ts, `npm run bench:digest`): each size
      // in a fresh process with --expose-gc, so one size's heap does not colour the next.
      const script = path.join(__dirname, 'digest-scale.js');
      if (!existsSync(script))
        return { text: '_Not measured: bench/digest-scale.ts (digest feature) is not in this build._', data: null };
      const run = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8', maxBuffer: 1 << 22 });
      if (run.status !== 0) throw new Error(`digest-scale failed:\n${run.stderr}`);
      return { text: run.stdout.trim(), data: run.stdout };
    },
  },
];

/**
 * The scale section: `npm run seed:demo` for BENCH_SEED_CASES citizens (default 200; 2000 is the goal)
 * into a fresh data dir, in a child process as the command runs, timed.
 */
function seedSection(): { text: string; data: unknown } {
  const cases = Number(process.env.BENCH_SEED_CASES ?? 200);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-seed-'));
  const script = path.join(__dirname, '..', 'bot', 'local', 'demo', 'seed-demo.js');
  const load = os.loadavg()[0] ?? NaN;
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [script, '--cases', String(cases), '--seed', '1', '--today', '2026-12-01', '--data-dir', dataDir],
    { encoding: 'utf8', maxBuffer: 1 << 22, env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  const wall = (performance.now() - started) / 1000;
  rmSync(dataDir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`seed:demo failed:\n${run.stderr}`);
  const r = JSON.parse(run.stdout) as {
    created: number;
    workActions: number;
    companyActions: number;
    cpuSeconds: number;
    peakRssMb: number;
    plan: Record<string, number>;
  };
  const text = [
    '| cases | work card actions | company card actions | wall s (with start-up) | CPU s | CPU ms per case | peak RSS | load average (start, end) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.created} | ${r.workActions} | ${r.companyActions} | ${wall.toFixed(0)} | ${r.cpuSeconds.toFixed(0)} | ${((r.cpuSeconds / Math.max(1, r.created)) * 1000).toFixed(0)} | ${r.peakRssMb} MB | ${load.toFixed(1)}, ${(os.loadavg()[0] ?? NaN).toFixed(1)} |`,
    '',
    `\`npm run seed:demo -- --cases ${cases} --seed 1 --today 2026-12-01\` (in-process store transport): ${r.plan.g1 ?? 0} group-1 citizens, ${r.plan.weeksOfHours ?? 0} weeks of hours, ${r.plan.contacts ?? 0} contacts.`,
  ].join('\n');
  return { text, data: { wallSeconds: wall, ...r } };
}

function command(): string {
  const env = Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v ?? ''}`);
  return [...env, 'npm run bench'].join(' ');
}

async function main(): Promise<void> {
  const started = new Date();
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [
    `# Fremdrift benchmarks`,
    ``,
    `Date: ${started.toISOString()}`,
    `Machine: ${machine()}`,
    `Command: \`${command()}\``,
    ``,
  ];
  const data: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    if (only.length > 0 && !only.includes(section.id)) continue;
    const t0 = performance.now();
    process.stderr.write(`running ${section.id}…\n`);
    const result = await section.run();
    data[section.id] = result.data;
    out.push(`## ${section.title}`, '', result.text, '', `(${((performance.now() - t0) / 1000).toFixed(0)} s)`, '');
  }
  const text = out.join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    `bench/results/${started.toISOString().replace(/[:.]/g, '-')}.json`,
    JSON.stringify({ started, machine: machine(), command: command(), ...data }, null, 2),
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
