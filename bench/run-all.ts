import { mkdirSync, writeFileSync } from 'node:fs';
import { formatLatency, runTurnLatency } from './turn-latency';
import { formatThroughput, runThroughput } from './throughput';
import { machine } from './lib/stats';

/**
 * `npm run bench`: every benchmark, printed as markdown tables with the machine, date and the
 * command (with the BENCH_* settings used), and saved as JSON in bench/results/.
 * BENCH_ONLY=latency,throughput runs a subset.
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
];

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
