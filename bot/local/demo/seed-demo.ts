import { rmSync } from 'node:fs';
import { DateTime } from 'luxon';
import { loadConfig } from '../../config';
import { startFremdrift } from '../../app-host';
import { createLogger } from '../../log';
import { snapshotFile } from '../../store/cosmos-snapshot';
import { DEFAULT_TIME_ZONE } from '../../domain/calendar';
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_TENANT_ID } from '../playground-config';
import { describePlan, planMunicipality } from './municipality/plan';
import { seedMunicipality } from './municipality/seed-municipality';

/**
 * `npm run seed:demo -- --cases N [--seed S] [--data-dir DIR] [--today YYYY-MM-DD] [--tenant GUID] [--reset] [--transport http|in-process]`
 *
 * Fills the embedded store in DATA_DIR (default ./.data) with a synthetic municipality, through
 * the app's own use cases, so `npm start` has citizens, screenings and caseloads to show. The
 * Playground user (Alex Wilber) is a screener, a jobformidler with a full caseload, and a leader.
 * The same seed and date give the same municipality. Stop `npm start` first: both would write the
 * same snapshot file.
 */
const USAGE =
  'usage: npm run seed:demo -- --cases N [--seed S] [--data-dir DIR] [--today YYYY-MM-DD] [--tenant GUID] [--reset] [--transport http|in-process]';

function parseArgs(argv: readonly string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[arg.slice(2)] = true;
    else out[arg.slice(2)] = argv[++i]!;
  }
  return out;
}

function intArg(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cases = intArg(args.cases, 'cases', 200);
  const seed = intArg(args.seed, 'seed', 1);
  const today =
    typeof args.today === 'string' ? args.today : (DateTime.now().setZone(DEFAULT_TIME_ZONE).toISODate() ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today expects YYYY-MM-DD\n${USAGE}`);
  const tenantId = typeof args.tenant === 'string' ? args.tenant : PLAYGROUND_TENANT_ID;
  const config = loadConfig({
    ...process.env,
    ...(typeof args['data-dir'] === 'string' ? { DATA_DIR: args['data-dir'] } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    SCHEDULER_ENABLED: 'false',
    SNAPSHOT_INTERVAL_SECONDS: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  if (config.COSMOS_ENDPOINT !== undefined)
    throw new Error('seed:demo writes synthetic data: it only runs against the embedded store (unset COSMOS_ENDPOINT)');
  if (args.reset === true) rmSync(snapshotFile(config.DATA_DIR), { force: true });

  const plan = planMunicipality({
    cases,
    seed,
    tenantId,
    today,
    featuredUser:
      tenantId === PLAYGROUND_TENANT_ID
        ? { userId: PLAYGROUND_CURRENT_USER.aadObjectId, displayName: PLAYGROUND_CURRENT_USER.name }
        : undefined,
  });
  // The SDK hands its requests to the embedded server in process (no sockets): the same documents,
  // a quarter less CPU. `--transport http` goes over loopback HTTP as `npm start` does.
  const transport = args.transport === 'http' ? 'http' : 'in-process';
  const app = await startFremdrift(config, { logger: createLogger('silent'), store: { transport } });
  try {
    let shown = 0;
    const report = await seedMunicipality(app.services, plan, {
      onProgress: (done) => {
        if (done - shown >= 100 || done === cases) {
          shown = done;
          process.stderr.write(`\r${done}/${cases} cases`);
        }
      },
    });
    process.stderr.write('\n');
    const summary = {
      dataDir: config.DATA_DIR,
      tenantId,
      seed,
      today,
      ...report,
      // What the run cost, for the benchmark's scale section (on a shared machine CPU time is the steadier figure).
      cpuSeconds: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1e5) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      plan: describePlan(plan),
      recorded:
        'staff roles, screenings, visitation decisions, handovers, and (clicked as the staff) companies, job openings and company contacts, ABC job goals, work agreements, placements, weekly hours and follow-ups',
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await app.stop(); // writes the snapshot that `npm start` loads
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
