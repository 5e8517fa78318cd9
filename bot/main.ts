import { ConfigError, loadConfig, type Config } from './config';
import { startTelemetry } from './telemetry';

/**
 * Entry point: validated config, then telemetry, then the app; SIGTERM/SIGINT stop it gracefully
 * (in-flight turns finish, the store is flushed). Only config and telemetry are imported up front:
 * the OpenTelemetry instrumentations must be in place before restify, botbuilder and the Cosmos SDK
 * load, so the app itself is loaded afterwards.
 */
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
  const telemetry = startTelemetry(config);
  const { createLogger } = await import('./log');
  const { startFremdrift } = await import('./app-host');
  const log = createLogger(config.LOG_LEVEL);
  if (telemetry.enabled) log.info('Telemetry: Azure Monitor (OpenTelemetry) is on');
  const running = await startFremdrift(config, { logger: log });
  let stopping = false;
  const stop = (signal: string): void => {
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
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`Fremdrift failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
