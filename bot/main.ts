import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { startFremdrift } from './app-host';

/** Entry point: validated config, then the app; SIGTERM/SIGINT stop it gracefully (in-flight turns finish, the store is flushed). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example and the README's configuration table.\n`);
      process.exit(78);
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  const running = await startFremdrift(config, { logger: log });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    running.stop().then(
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
