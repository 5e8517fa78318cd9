import os from 'node:os';
import { BenchApp } from './lib/bench-app';
import { personasFor, type Persona } from './lib/personas';

/**
 * Sustained load: N simulated users for D seconds over HTTP, each a persona with a realistic mix of
 * reads and writes across the features (screeners clicking through screenings and checking their
 * list, key persons changing roles, jobformidlere working their caseload as features land).
 * A turn is an error when it fails or is not acknowledged as the user would see it. Afterwards
 * every acknowledged write must be found in the store: no lost writes.
 */
export interface ThroughputResult {
  readonly users: number;
  readonly seconds: number;
  readonly turns: number;
  readonly turnsPerSecond: number;
  readonly errors: number;
  readonly acknowledgedWrites: number;
  readonly lostWrites: number;
  /**
   * CPU seconds the process (bot, embedded store and simulated users: one Node thread) used during
   * the run, and turns per CPU second: on a shared machine the wall-clock rate says how busy the
   * others were; this says what a turn costs.
   */
  readonly cpuSeconds: number;
  readonly turnsPerCpuSecond: number;
  /** Requests the SDK sent to the store during the run, per turn. */
  readonly storeRequestsPerTurn: number;
  /** 1-minute load average at the start and end of the run (the machine is shared). */
  readonly loadAverage: readonly [number, number];
  /** Turns per kind (e.g. `screening.answer`, `help`), to show the mix. */
  readonly mix: Readonly<Record<string, number>>;
}

export async function runThroughput(
  users = Number(process.env.BENCH_USERS ?? 50),
  seconds = Number(process.env.BENCH_SECONDS ?? 60),
): Promise<ThroughputResult> {
  const app = await BenchApp.start();
  try {
    const personas: Persona[] = await personasFor(app, users);
    const mix: Record<string, number> = {};
    let turns = 0;
    let errors = 0;
    const deadline = Date.now() + seconds * 1000;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const requestsBefore = app.storeRequests.mark();
    const loadBefore = os.loadavg()[0] ?? NaN;
    await Promise.all(
      personas.map(async (persona) => {
        while (Date.now() < deadline) {
          const turn = await persona.next();
          turns++;
          mix[turn.kind] = (mix[turn.kind] ?? 0) + 1;
          if (!turn.ok) errors++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const storeRequests = app.storeRequests.since(requestsBefore).length;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const loadAverage: [number, number] = [loadBefore, os.loadavg()[0] ?? NaN];
    let acknowledged = 0;
    let lost = 0;
    for (const persona of personas) {
      const check = await persona.verify();
      acknowledged += check.acknowledged;
      lost += check.lost;
    }
    return {
      users,
      seconds,
      turns,
      turnsPerSecond: turns / elapsed,
      errors,
      acknowledgedWrites: acknowledged,
      lostWrites: lost,
      cpuSeconds,
      turnsPerCpuSecond: turns / cpuSeconds,
      storeRequestsPerTurn: storeRequests / Math.max(1, turns),
      loadAverage,
      mix,
    };
  } finally {
    await app.stop();
  }
}

export function formatThroughput(r: ThroughputResult): string {
  const mix = Object.entries(r.mix)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${((n / Math.max(1, r.turns)) * 100).toFixed(0)} %`)
    .join(', ');
  return [
    `| users | seconds | turns | turns/s | CPU s | turns / CPU s | store requests / turn | load average (start, end) | errors | acknowledged writes | lost writes |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${r.users} | ${r.seconds} | ${r.turns} | ${r.turnsPerSecond.toFixed(1)} | ${r.cpuSeconds.toFixed(1)} | ${r.turnsPerCpuSecond.toFixed(1)} | ${r.storeRequestsPerTurn.toFixed(1)} | ${r.loadAverage.map((l) => l.toFixed(1)).join(', ')} | ${r.errors} | ${r.acknowledgedWrites} | ${r.lostWrites} |`,
    '',
    `Mix: ${mix}.`,
  ].join('\n');
}
