import { BenchApp, type BenchUser } from './lib/bench-app';
import { fmt, summarise, type LatencySummary } from './lib/stats';

/**
 * Turn latency of each flow as a ratio to a bare teams-ai echo turn measured in the same run on the
 * same server. Flows are added to SCENARIOS as features land; each gets the same warm-up and count.
 */
export interface Scenario {
  readonly name: string;
  /** Prepares state once (users, cases) and returns the turn to repeat. */
  setup(app: BenchApp): Promise<(i: number) => Promise<{ status: number }>>;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'echo (baseline: bare teams-ai)',
    setup: async (app) => {
      const u: BenchUser = await app.user('Echo', []);
      return () => app.say(u, 'hej', '/api/echo');
    },
  },
  {
    name: 'help message',
    setup: async (app) => {
      const u = await app.user('Hjælp', ['screener', 'jobformidler']);
      return () => app.say(u, 'hjælp');
    },
  },
  {
    name: 'admin: save roles (card action, write + audit)',
    setup: async (app) => {
      const admin = await app.user('Admin', ['admin']);
      const staff = await app.user('Staff', []);
      return (i) =>
        app.execute(admin, 'admin.roles.save', {
          userId: staff.aadObjectId,
          inputId: 'roles0',
          roles0: i % 2 === 0 ? 'leder' : 'screener',
        });
    },
  },
];

export interface LatencyRow {
  readonly scenario: string;
  readonly summary: LatencySummary;
  readonly ratioP50: number;
  readonly errors: number;
}

export async function runTurnLatency(
  turns = Number(process.env.BENCH_TURNS ?? 300),
  warmup = 50,
): Promise<LatencyRow[]> {
  const app = await BenchApp.start();
  try {
    const rows: LatencyRow[] = [];
    let baseline = NaN;
    for (const scenario of SCENARIOS) {
      const run = await scenario.setup(app);
      for (let i = 0; i < warmup; i++) await run(i);
      const samples: number[] = [];
      let errors = 0;
      for (let i = 0; i < turns; i++) {
        const start = performance.now();
        const { status } = await run(i);
        samples.push(performance.now() - start);
        if (status >= 300) errors++;
      }
      const summary = summarise(samples);
      if (Number.isNaN(baseline)) baseline = summary.p50;
      rows.push({ scenario: scenario.name, summary, ratioP50: summary.p50 / baseline, errors });
    }
    return rows;
  } finally {
    await app.stop();
  }
}

export function formatLatency(rows: readonly LatencyRow[]): string {
  const lines = [
    '| Flow | n | p50 ms | p95 ms | p99 ms | p50 / echo | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.summary.n} | ${fmt(r.summary.p50)} | ${fmt(r.summary.p95)} | ${fmt(r.summary.p99)} | ${r.ratioP50.toFixed(2)} | ${r.errors} |`,
    );
  }
  return lines.join('\n');
}
