import path from 'node:path';
import { z } from 'zod';
import { ConfigError, loadConfig, usesEmbeddedCosmos, type Config } from '../config';
import { createLogger } from '../log';
import { startFremdrift, type RunningApp } from '../app-host';
import { localEnv } from './local-env';
import { PLAYGROUND_CURRENT_USER } from './playground-config';
import { startPlayground, type PlaygroundProcess } from './playground-process';

/**
 * `npm start`: the local chat. Fremdrift (with its embedded Cosmos DB unless COSMOS_ENDPOINT is set)
 * and the Microsoft 365 Agents Playground against it, so a developer can talk to the bot in a
 * Teams-like page without a tenant, a tunnel or a bot registration. Ctrl+C stops both; the
 * embedded store writes its snapshot to DATA_DIR so the next start has the same data.
 */
const PlaygroundPort = z.coerce
  .number({ message: 'PLAYGROUND_PORT: expected a port number' })
  .int()
  .min(1, 'PLAYGROUND_PORT: expected 1-65535')
  .max(65535, 'PLAYGROUND_PORT: expected 1-65535')
  .default(56150);

function banner(config: Config, app: RunningApp, playground: PlaygroundProcess, defaultAdmin: boolean): string {
  const isAdmin = config.ADMIN_AAD_OBJECT_IDS.includes(PLAYGROUND_CURRENT_USER.aadObjectId);
  const who = `${PLAYGROUND_CURRENT_USER.name} (Entra id ${PLAYGROUND_CURRENT_USER.aadObjectId})`;
  const lines = [
    '',
    '  Fremdrift is running with the Microsoft 365 Agents Playground.',
    '',
    `  Open the chat:   ${playground.url}`,
    `  Bot endpoint:    http://localhost:${app.port}/api/messages   (health: http://localhost:${app.port}/healthz)`,
    usesEmbeddedCosmos(config)
      ? `  Data:            embedded Cosmos DB, kept in ${path.resolve(config.DATA_DIR)} (local only)`
      : `  Data:            Azure Cosmos DB at ${config.COSMOS_ENDPOINT ?? ''}`,
    isAdmin
      ? `  You are ${who}, admin${defaultAdmin ? ' (because ADMIN_AAD_OBJECT_IDS is not set)' : ''}.`
      : `  You are ${who}, with no role until an admin grants one.`,
    config.DEFAULT_LANGUAGE === 'teams'
      ? '  Type "hjælp" (or "help") in the Personal Chat. The Playground always sends locale en-US, so answers are in English.'
      : `  Type "hjælp" (or "help") in the Personal Chat. Answers are in ${config.DEFAULT_LANGUAGE === 'da' ? 'Danish' : 'English'} (DEFAULT_LANGUAGE); "language english" / "sprog dansk" switches.`,
    '  Stop with Ctrl+C.',
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { env, defaultAdmin } = localEnv(process.env);
  let config: Config;
  let playgroundPort: number;
  try {
    config = loadConfig(env);
    const parsed = PlaygroundPort.safeParse(env.PLAYGROUND_PORT?.trim() || undefined);
    if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
    playgroundPort = parsed.data;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example and the README's configuration table.\n`);
      process.exit(78);
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  const app = await startFremdrift(config, { logger: log });
  let playground: PlaygroundProcess;
  try {
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${app.port}/api/messages`,
      port: playgroundPort,
      // Its config and devTools/ log stay beside the local data, out of the repository.
      workDir: path.resolve(config.DATA_DIR, 'playground'),
    });
  } catch (e) {
    await app.stop();
    throw e;
  }
  process.stdout.write(`${banner(config, app, playground, defaultAdmin)}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down the Playground and Fremdrift');
    Promise.all([playground.stop(), app.stop()]).then(
      () => process.exit(0),
      (e: unknown) => {
        log.error({ err: e }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  playground.child.once('exit', (code) => {
    if (stopping) return;
    log.error({ code }, 'The Agents Playground stopped; stopping Fremdrift too');
    stop('playground-exit');
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`Fremdrift failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
