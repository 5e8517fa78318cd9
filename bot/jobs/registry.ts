import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { dailyNudgeJob } from '../features/nudge/daily-nudge';
import type { Services } from '../services';
import type { HttpRoute } from '../server';
import type { Scheduler, ScheduledJob } from './scheduler';
import { DigestJob } from '../features/digest/digest-job';
import { digestRunRoute } from '../features/digest/run-route';
import { retentionPurgeJob } from '../features/retention/purge';
import { adminRoutes } from '../features/privacy/admin-routes';
import { fidelityRoundJob } from '../features/fidelity/round-job';

/** Who this instance is, in claims and run logs. */
const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Every scheduled job (digests, nudges, purge, fidelity rounds). A new job adds one line here. */
export function buildJobs(services: Services): ScheduledJob[] {
  return [
    dailyNudgeJob(services),
    retentionPurgeJob(services),
    new DigestJob(services, { holder }),
    fidelityRoundJob(services, { holder }),
  ];
}

/** HTTP routes besides /api/messages and /healthz (each checks its own credential). */
export function buildRoutes(services: Services, _scheduler: Scheduler): HttpRoute[] {
  return [...adminRoutes(services), digestRunRoute(services, new DigestJob(services, { holder }))];
}
