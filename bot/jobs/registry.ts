import { dailyNudgeJob } from '../features/nudge/daily-nudge';
import type { Services } from '../services';
import type { HttpRoute } from '../server';
import type { Scheduler, ScheduledJob } from './scheduler';

/** Every scheduled job (digests, nudges, purge). A new job adds one line here. */
export function buildJobs(services: Services): ScheduledJob[] {
  return [dailyNudgeJob(services)];
}

/** HTTP routes besides /api/messages and /healthz (each checks its own credential). */
export function buildRoutes(_services: Services, _scheduler: Scheduler): HttpRoute[] {
  return [];
}
