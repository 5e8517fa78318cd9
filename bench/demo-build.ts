import os from 'node:os';
import { loadConfig } from '../bot/config';
import { startFremdrift } from '../bot/app-host';
import { createLogger } from '../bot/log';
import { businessDate } from '../bot/domain/calendar';
import { buildDemo, demoPlan, DEMO } from '../bot/local/demo/demo-municipality';
import { describePlan } from '../bot/local/demo/municipality/plan';
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_TENANT_ID } from '../bot/local/playground-config';

/**
 * How long "Prøv med et demo-jobcenter" keeps the user waiting: the demo municipality built on a fresh
 * embedded store (memory only), wall time and the process's CPU time (on a shared machine the CPU
 * time is the steadier figure). `tsc -p tsconfig.bench.json && node dist-bench/bench/demo-build.js`
 */
async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SCHEDULER_ENABLED: 'false' });
  const app = await startFremdrift(config, { logger: createLogger('silent'), store: { persist: false } });
  try {
    const today = process.env.BENCH_TODAY ?? businessDate(new Date());
    const plan = demoPlan(
      { tenantId: PLAYGROUND_TENANT_ID, userId: PLAYGROUND_CURRENT_USER.aadObjectId, displayName: 'Alex Wilber' },
      today,
    );
    const cpu = process.cpuUsage();
    const started = performance.now();
    const demo = await buildDemo(app.services, plan);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]?.toFixed(1)}`,
      today,
      demo: DEMO,
      plan: describePlan(plan),
      workActions: demo.report.workActions,
      wallSeconds: Math.round(wallMs / 100) / 10,
      cpuSeconds: Math.round((used.user + used.system) / 1e5) / 10,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
