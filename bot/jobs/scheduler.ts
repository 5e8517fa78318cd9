import type { Logger } from '../log';
import type { Clock } from '../domain/clock';

/**
 * The in-process scheduler that runs in every instance. Jobs must be safe to run on several
 * instances at once: each claims its unit of work once in Cosmos (bot/store/claims.ts) before doing it.
 */
export interface ScheduledJob {
  readonly name: string;
  /** How often the job looks for due work. */
  readonly everyMs: number;
  run(now: Date): Promise<void>;
}

export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<void>>();

  constructor(
    private readonly jobs: readonly ScheduledJob[],
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** The scheduled instance of a job class, so an HTTP trigger runs the same job (one pacing, one claim log). */
  instanceOf<T extends ScheduledJob>(kind: new (...args: never[]) => T): T | undefined {
    return this.jobs.find((job): job is T => job instanceof kind);
  }

  start(): void {
    for (const job of this.jobs) {
      const tick = (): void => {
        const p = job
          .run(this.clock.now())
          .catch((e: unknown) => this.log.error({ err: e, job: job.name }, 'Scheduled job failed'))
          .finally(() => this.running.delete(p));
        this.running.add(p);
      };
      // First run soon after start, so work missed while the service was down is caught up.
      const first = setTimeout(tick, 2000);
      const every = setInterval(tick, job.everyMs);
      first.unref();
      every.unref();
      this.timers.push(first, every);
    }
  }

  /** Runs every job once now and waits (used by tests, benchmarks and POST /api/digests/run). */
  async runAllOnce(): Promise<void> {
    for (const job of this.jobs) await job.run(this.clock.now());
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    await Promise.all([...this.running]);
  }
}
