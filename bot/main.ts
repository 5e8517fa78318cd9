import { ConfigError, loadConfig, type Config } from './config';
import { startTelemetry } from './telemetry';

/**
 * Entry point: validated config, then telemetry, then the app; SIGTERM/SIGINT stop it gracefully
 * (in-flight turns finish, the store is flushed). Only config and telemetry are imported up front:
 * the OpenTelemetry instrumentations must be in place before restify, botbuilder and the Cosmos SDK
 * load, so the app itself is loaded afterwards.
 */

/** How long a stop requested during start-up waits for start-up to finish before the process exits. */
const STOP_DURING_STARTUP_GRACE_MS = 15_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example, the README's configuration table and docs/deploy.md.\n`);
      process.exit(78);
    }
    throw e;
  }

  // The handlers are in place before start-up begins: App Service (or a container runtime) may stop
  // the process while it is still opening Cosmos DB, and Node's default would kill it mid-way. A stop
  // requested then is remembered and carried out as soon as the app is up; if start-up hangs, the
  // process gives up after a grace period rather than waiting for the platform's kill.
  let requested: NodeJS.Signals | undefined;
  let giveUp: NodeJS.Timeout | undefined;
  let onSignal = (signal: NodeJS.Signals): void => {
    if (requested !== undefined) return;
    requested = signal;
    process.stderr.write(`${signal} during start-up: Fremdrift stops as soon as it has started.\n`);
    giveUp = setTimeout(() => {
      process.stderr.write('Start-up did not finish after the stop request; exiting.\n');
      process.exit(1);
    }, STOP_DURING_STARTUP_GRACE_MS);
    giveUp.unref();
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));

  const telemetry = startTelemetry(config);
  const { createLogger } = await import('./log');
  const { startFremdrift } = await import('./app-host');
  const log = createLogger(config.LOG_LEVEL);
  if (telemetry.enabled) log.info('Telemetry: Azure Monitor (OpenTelemetry) is on');
  const running = await startFremdrift(config, { logger: log });
  clearTimeout(giveUp);

  let stopping = false;
  onSignal = (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    running
      .stop()
      .then(() => telemetry.shutdown())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          log.error({ err: e }, 'Shutdown failed');
          process.exit(1);
        },
      );
  };
  if (requested !== undefined) onSignal(requested);
}

main().catch((e: unknown) => {
  process.stderr.write(`Fremdrift failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
