import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { dailyNudgeJob } from '../features/nudge/daily-nudge';
import { handoverNoticeJob } from '../features/visitation/handover-notices';
import type { Services } from '../services';
import type { HttpRoute } from '../http-route';
import type { Scheduler, ScheduledJob } from './scheduler';
import { DigestJob } from '../features/digest/digest-job';
import { digestRunRoute } from '../features/digest/run-route';
import { retentionPurgeJob } from '../features/retention/purge';
import { adminRoutes } from '../features/privacy/admin-routes';
import { companyLinkJob } from '../features/company/link-companies';
import { rehabNudgeJob } from '../features/rehab/rehab-nudge';
import { art9CheckJob } from '../features/retention/art9-check';
import { fidelityRoundJob } from '../features/fidelity/round-job';

/** Who this instance is, in claims and run logs. */
const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Every scheduled job (digests, nudges, handover retries, purge, fidelity rounds). A new job adds one line here. */
export function buildJobs(services: Services): ScheduledJob[] {
  return [
    dailyNudgeJob(services),
    handoverNoticeJob(services),
    retentionPurgeJob(services),
    new DigestJob(services, { holder }),
    companyLinkJob(services),
    rehabNudgeJob(services),
    art9CheckJob(services),
    fidelityRoundJob(services, { holder }),
  ];
}

/** HTTP routes besides /api/messages and /healthz (each checks its own credential). */
export function buildRoutes(services: Services, scheduler: Scheduler): HttpRoute[] {
  // The scheduler's own DigestJob: one instance per process, so a run triggered over HTTP shares the
  // scheduled run's per-tenant rate limiter (Teams counts the bot's posts, not the job's instances).
  const digest = scheduler.instanceOf(DigestJob);
  if (digest === undefined) throw new Error('buildJobs schedules the digest job; it is missing');
  return [...adminRoutes(services), digestRunRoute(services, digest)];
}
