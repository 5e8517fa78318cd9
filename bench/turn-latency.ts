import { BenchApp, type BenchUser } from './lib/bench-app';
import { fmt, summarise, type LatencySummary } from './lib/stats';
import { actionData, cardText } from '../bot/local/demo/lib/cards';
import { answerStep, click, createAgreement, startScreening } from './lib/screening-clicks';
import { inputValues } from '../bot/local/demo/lib/card-clicker';
import { handedOverCase } from './lib/jobformidler-cases';
import { BENCH_TENANT } from './lib/bench-app';
import { addDays, businessDate } from '../bot/domain/calendar';
import { loadSnapshot } from '../bot/store/cosmos-snapshot';
import { describeRequests, storeBusyMs, type StoreRequest } from '../test/harness/store-request-counter';

/**
 * Turn latency of each flow as a ratio to a bare teams-ai echo turn measured in the same run on the
 * same server. Flows are added to SCENARIOS as features land; each gets the same warm-up and count.
 */
export interface Scenario {
  readonly name: string;
  /**
   * Prepares state once (users, cases) and returns the turn to repeat. A turn that needs untimed
   * preparation each time (e.g. stepping back before timing "next" again) reports its own `ms` and
   * the store `requests` of the timed turn alone.
   */
  setup(app: BenchApp): Promise<(i: number) => Promise<{ status: number; ms?: number; requests?: StoreRequest[] }>>;
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
    name: 'screening step (answer, write + audit)',
    setup: async (app) => {
      const screener = await app.user('Screener', ['screener']);
      const first = await startScreening(app, screener, 'BENCH-LATENCY-1');
      let card = first.card;
      return async () => {
        // Untimed: back to the first step if the last "next" moved on, so every timed turn is the same step.
        const back = actionData(card, 'screening.back');
        if (back !== undefined && back.step !== 0) card = (await click(app, screener, 'screening.back', back)).card;
        const next = await answerStep(app, screener, card);
        if (next === undefined) return { status: 599, ms: NaN, requests: [] };
        card = next.card;
        const movedOn = actionData(card, 'screening.answer')?.step === 1;
        return { status: movedOn ? next.status : 599, ms: next.ms, requests: next.requests };
      };
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
  {
    name: 'checklist change (agreement.save, write + revision + facts)',
    setup: async (app) => {
      const jf = await app.user('Aftale', ['jobformidler']);
      const caseRef = await handedOverCase(
        app.app.services,
        BENCH_TENANT,
        jf.aadObjectId,
        addDays(businessDate(new Date()), -14),
      );
      const created = await createAgreement(app, jf, caseRef);
      let card = created.card;
      return async (i) => {
        // Each timed save changes one checklist item on the card the last save returned (its ETag).
        const r = await click(app, jf, 'agreement.save', {
          ...actionData(card, 'agreement.save'),
          ...inputValues(card),
          s_TASKS: 'AGREED',
          v_TASKS: i % 2 === 0 ? 'Plukke varer' : 'Pakke varer',
        });
        const saved = r.card !== undefined && cardText(r.card).includes('Arbejdsaftalen er gemt');
        if (saved) card = r.card;
        return { status: saved ? r.status : 599, ms: r.ms, requests: r.requests };
      };
    },
  },
  {
    name: 'hours entry (hours.save, write + facts)',
    setup: async (app) => {
      const jf = await app.user('Timer', ['jobformidler']);
      const caseRef = await handedOverCase(
        app.app.services,
        BENCH_TENANT,
        jf.aadObjectId,
        addDays(businessDate(new Date()), -28),
      );
      return async (i) => {
        // Untimed: a fresh form (new submission id); timed: saving last week's hours, a correction each time.
        const form = await click(app, jf, 'hours.new', { caseRef });
        const r = await click(app, jf, 'hours.save', {
          ...actionData(form.card, 'hours.save'),
          ...inputValues(form.card),
          source: 'PAYSLIP',
          ordinaryHours: String(8 + (i % 2)),
          practiceHours: '20',
          absenceHours: '0',
        });
        const saved = r.card !== undefined && /Uge \d+ (er gemt|er rettet)/.test(cardText(r.card));
        return { status: saved ? r.status : 599, ms: r.ms, requests: r.requests };
      };
    },
  },
  mineBorgere(40),
  mineBorgere(400),
];

/** "Mine borgere" for a jobformidler with `cases` open cases (the first page is what a turn shows). */
function mineBorgere(cases: number): Scenario {
  return {
    name: `"Mine borgere" with ${cases} cases (read, audited)`,
    setup: async (app) => {
      const jf = await app.user(`Sagsstamme ${cases}`, ['jobformidler']);
      for (let c = 0; c < cases; c++)
        await handedOverCase(
          app.app.services,
          BENCH_TENANT,
          jf.aadObjectId,
          addDays(businessDate(new Date()), -7 - (c % 200)),
        );
      return async () => {
        const r = await app.ask(jf, 'mine borgere');
        const listed = r.replies.some((reply) => cardText(reply).includes('Mine borgere'));
        return { status: listed ? r.status : 599, ms: r.ms, requests: r.requests };
      };
    },
  };
}

export interface LatencyRow {
  readonly scenario: string;
  readonly summary: LatencySummary;
  readonly ratioP50: number;
  readonly ratioP95: number;
  readonly ratioP99: number;
  readonly errors: number;
  /** Store requests per timed action: median and max over the timed turns. */
  readonly storeRequests: { readonly median: number; readonly max: number };
  /** What the requests of one action are, on average (container, operation, count). */
  readonly storeRequestMix: string;
  /** Median milliseconds of a turn spent waiting for the store (overlapping requests count once). */
  readonly storeMsP50: number;
}

/**
 * Every scenario is set up and warmed up first; then the timed turns go round-robin (one turn of
 * each scenario in turn), so on a shared machine every flow and the echo baseline see the same load.
 */
export async function runTurnLatency(
  turns = Number(process.env.BENCH_TURNS ?? 300),
  warmup = Number(process.env.BENCH_WARMUP ?? 50),
): Promise<LatencyRow[]> {
  const app = await BenchApp.start();
  try {
    await loadSeeded(app);
    const runs = [];
    for (const scenario of SCENARIOS) runs.push(await scenario.setup(app));
    for (let i = 0; i < warmup; i++) for (const run of runs) await run(i);
    const samples: number[][] = runs.map(() => []);
    const requestCounts: number[][] = runs.map(() => []);
    const storeMs: number[][] = runs.map(() => []);
    const requestsSeen: StoreRequest[][] = runs.map(() => []);
    const errors = runs.map(() => 0);
    for (let i = 0; i < turns; i++) {
      for (const [s, run] of runs.entries()) {
        const mark = app.storeRequests.mark();
        const start = performance.now();
        const { status, ms, requests } = await run(warmup + i);
        samples[s]!.push(ms ?? performance.now() - start);
        const timed = requests ?? app.storeRequests.since(mark);
        requestCounts[s]!.push(timed.length);
        storeMs[s]!.push(storeBusyMs(timed));
        requestsSeen[s]!.push(...timed);
        if (status >= 300) errors[s]!++;
      }
    }
    const summaries = samples.map(summarise);
    const baseline = summaries[0]?.p50 ?? NaN;
    return SCENARIOS.map((scenario, s) => ({
      scenario: scenario.name,
      summary: summaries[s]!,
      ratioP50: summaries[s]!.p50 / baseline,
      ratioP95: summaries[s]!.p95 / (summaries[0]?.p95 ?? NaN),
      ratioP99: summaries[s]!.p99 / (summaries[0]?.p99 ?? NaN),
      errors: errors[s]!,
      storeRequests: { median: median(requestCounts[s]!), max: Math.max(0, ...requestCounts[s]!) },
      storeMsP50: median(storeMs[s]!),
      storeRequestMix: describeRequests(requestsSeen[s]!, turns),
    }));
  } finally {
    await app.stop();
  }
}

/**
 * BENCH_SEEDED_DIR: the latency flows run beside a municipality seeded by `npm run seed:demo` into
 * that data dir (its snapshot is loaded into the bench's memory-only store first; nothing is written
 * back). Seed it into the bench's tenant, so the flows' queries meet its documents:
 *   npm run seed:demo -- --cases 2000 --tenant 33333333-3333-4333-8333-333333333333 --data-dir .data-2000
 *   BENCH_SEEDED_DIR=.data-2000 BENCH_ONLY=latency npm run bench
 */
async function loadSeeded(app: BenchApp): Promise<void> {
  const dir = process.env.BENCH_SEEDED_DIR;
  if (dir === undefined || dir === '') return;
  const restored = await loadSnapshot(dir, app.app.services.store.containers);
  if (restored === 0) throw new Error(`BENCH_SEEDED_DIR=${dir}: no snapshot there`);
  process.stderr.write(`latency: ${restored} documents loaded from ${dir}\n`);
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

export function formatLatency(rows: readonly LatencyRow[]): string {
  const lines = [
    '| Flow | n | store requests / action (max) | p50 ms | p95 ms | p99 ms | p50 / echo | p99 / echo | waiting on the store, p50 ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const requests =
      r.storeRequests.max === r.storeRequests.median
        ? `${r.storeRequests.median}`
        : `${r.storeRequests.median} (${r.storeRequests.max})`;
    lines.push(
      `| ${r.scenario} | ${r.summary.n} | ${requests} | ${fmt(r.summary.p50)} | ${fmt(r.summary.p95)} | ${fmt(r.summary.p99)} | ${r.ratioP50.toFixed(2)} | ${r.ratioP99.toFixed(2)} | ${fmt(r.storeMsP50)} | ${r.errors} |`,
    );
  }
  lines.push('', 'Store requests of one action, on average (container, operation, count):', '');
  for (const r of rows) if (r.storeRequestMix !== '') lines.push(`- ${r.scenario}: ${r.storeRequestMix}`);
  return lines.join('\n');
}
