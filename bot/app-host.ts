import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { systemClock, type Clock } from './domain/clock';
import { openStore, type OpenStoreOptions, type Store } from './store/cosmos-store';
import { DirectoryRepository } from './store/directory-repository';
import { AuditLog } from './store/audit-log';
import { buildFeatures } from './features/registry';
import { createAdapter } from './teams/adapter';
import { createTeamsApp } from './teams/app';
import { createInboundAuthenticator } from './teams/inbound-auth';
import { ProactiveNotifier } from './teams/proactive-notifier';
import { FileDelivery } from './teams/file-delivery';
import { createHttpServer, type EdgeRoute } from './server';
import { createActivityHandler } from './teams/activity-handler';
import { Scheduler, type ScheduledJob } from './jobs/scheduler';
import { buildJobs, buildRoutes } from './jobs/registry';
import type { Services } from './services';

/** A running Fremdrift: what main.ts, the test harness and the benchmarks start and stop. */
export interface RunningApp {
  readonly port: number;
  readonly url: string;
  readonly services: Services;
  readonly scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly store?: OpenStoreOptions;
  /** Use this store instead of opening one (several instances on one store). */
  readonly sharedStore?: Store;
  /** More HTTP routes on the same server (benchmarks mount a bare echo bot here as their baseline). */
  readonly extraRoutes?: readonly EdgeRoute[];
  /**
   * Tests only: where the channel's token-signing keys are published (default: the Bot Framework's).
   * Not reachable from the environment, so a deployment cannot be pointed at other keys.
   */
  readonly channelOpenIdMetadataUrl?: string;
}

/** Composition root: store → services → features → SDK edge → HTTP server → scheduler. */
export async function startFremdrift(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const log = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  if (config.MICROSOFT_APP_ID === undefined) {
    log.warn(
      'AUTHENTICATION IS OFF: MICROSOFT_APP_ID is not set, so inbound requests are not verified. Use this only with the local Playground.',
    );
  }
  if (config.ALLOWED_TENANT_IDS.length === 0)
    log.warn('ALLOWED_TENANT_IDS is empty: every tenant is served (local use only).');

  const store = options.sharedStore ?? (await openStore(config, log, options.store));
  const directory = new DirectoryRepository(store, { settingsCacheMs: config.SETTINGS_CACHE_SECONDS * 1000 });
  const audit = new AuditLog(store, async (tenantId) => (await directory.getSettings(tenantId)).auditRetentionDays);
  const adapter = createAdapter(config, options.channelOpenIdMetadataUrl);
  const notifier = new ProactiveNotifier(adapter, config.MICROSOFT_APP_ID ?? '', directory, clock);
  const services: Services = { config, log, clock, store, directory, audit, notifier };

  const { router, onboarding } = buildFeatures();
  const files = new FileDelivery(services, router);
  const app = createTeamsApp({ adapter, services, router, onboarding, files });
  const jobs: ScheduledJob[] = buildJobs(services);
  const scheduler = new Scheduler(jobs, clock, log);
  const routes: EdgeRoute[] = [...buildRoutes(services, scheduler), files.route(), ...(options.extraRoutes ?? [])];
  const authenticate = createInboundAuthenticator(adapter, config, log);
  const http = createHttpServer({
    handleActivity: createActivityHandler(adapter, app),
    store,
    log,
    routes,
    ...(authenticate ? { authenticate } : {}),
  });
  const port = await http.listen(config.PORT, config.HOST);
  files.listeningAt(`http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`);
  if (config.SCHEDULER_ENABLED) scheduler.start();
  log.info({ port, store: store.kind }, 'Fremdrift is listening on /api/messages');

  let stopped = false;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    services,
    scheduler,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await http.close();
      await scheduler.stop();
      if (options.sharedStore === undefined) await store.close();
      log.info('Fremdrift stopped');
    },
  };
}
