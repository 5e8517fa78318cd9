import { dailyNudgeJob } from '../features/nudge/daily-nudge';
import type { Services } from '../services';
import type { HttpRoute } from '../server';
import type { Scheduler, ScheduledJob } from './scheduler';
import { retentionPurgeJob } from '../features/retention/purge';
import { adminRoutes } from '../features/privacy/admin-routes';

/** Every scheduled job (digests, nudges, purge). A new job adds one line here. */
export function buildJobs(services: Services): ScheduledJob[] {
  return [dailyNudgeJob(services), retentionPurgeJob(services)];
}

/** HTTP routes besides /api/messages and /healthz (each checks its own credential). */
export function buildRoutes(services: Services, _scheduler: Scheduler): HttpRoute[] {
  return [...adminRoutes(services)];
}
