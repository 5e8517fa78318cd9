import { mkdirSync, writeFileSync } from 'node:fs';
import { formatLatency, runTurnLatency } from './turn-latency';
import { runThroughput } from './throughput';
import { machine } from './lib/stats';

/** `npm run bench`: every benchmark, printed as tables with the machine and date, and saved as JSON in bench/results/. */
async function main(): Promise<void> {
  const started = new Date();
  const out: string[] = [
    `# Fremdrift benchmarks`,
    ``,
    `Date: ${started.toISOString()}`,
    `Machine: ${machine()}`,
    `Command: npm run bench`,
    ``,
  ];
  const latency = await runTurnLatency();
  out.push(
    '## Turn latency (ratio to a bare teams-ai echo turn, same run, same server)',
    '',
    formatLatency(latency),
    '',
  );
  const throughput = await runThroughput();
  out.push(
    '## Throughput',
    '',
    `| users | seconds | turns | turns/s | errors | acknowledged writes | lost writes |`,
    `|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${throughput.users} | ${throughput.seconds} | ${throughput.turns} | ${throughput.turnsPerSecond.toFixed(1)} | ${throughput.errors} | ${throughput.acknowledgedWrites} | ${throughput.lostWrites} |`,
    '',
  );
  const text = out.join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    `bench/results/${started.toISOString().replace(/[:.]/g, '-')}.json`,
    JSON.stringify({ started, machine: machine(), latency, throughput }, null, 2),
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
