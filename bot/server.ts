import restify from 'restify';
import { z } from 'zod';
import type { Logger } from './log';
import type { Store } from './store/cosmos-store';
import { recordTurnLatency, turnKindOf, type TurnOutcome } from './telemetry';

/**
 * An extra HTTP route on the server, as the edge writes it (restify's request and response). A
 * feature's route (bot/http-route.ts) is one too: restify's types extend node's.
 */
export interface EdgeRoute {
  readonly method: 'get' | 'post';
  readonly path: string;
  handle(req: restify.Request, res: restify.Response): Promise<void>;
}

/**
 * What /api/messages does with an activity that passed authentication and the envelope check: built
 * in bot/teams (the adapter and the teams-ai application), so the server does not know the bot SDK.
 */
export type ActivityHandler = (req: restify.Request, res: restify.Response) => Promise<void>;

/** The minimum an activity must have before the adapter sees it; anything else gets 400. */
const ActivityEnvelope = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().min(1),
  // teams-ai keys turn state by channel, bot, conversation and user: without them a turn cannot run.
  channelId: z.string().min(1),
  recipient: z.object({ id: z.string().min(1) }),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
});

export interface HttpServer {
  readonly server: restify.Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, waits for in-flight requests, then closes. */
  close(): Promise<void>;
}

export function createHttpServer(deps: {
  handleActivity: ActivityHandler;
  store: Store;
  log: Logger;
  routes?: readonly EdgeRoute[];
  /** Verifies the Bot Framework token before anything is processed; absent when authentication is off. */
  authenticate?: (authorization: string | undefined, activity: unknown) => Promise<boolean>;
}): HttpServer {
  const { handleActivity, store, log } = deps;
  const server = restify.createServer({ name: 'fremdrift', handleUncaughtExceptions: false });
  // JSON only: Bot Framework and the admin API speak nothing else, and restify's full bodyParser would
  // hand multipart uploads from unauthenticated callers to formidable 1.x (unmaintained), writing temp files.
  // (bodyReader, which jsonBodyParser chains, honours maxBodySize; the typings omit it.)
  const bodyOptions = { mapParams: false, maxBodySize: 256 * 1024 };
  server.use(restify.plugins.jsonBodyParser(bodyOptions as restify.plugins.JsonBodyParserOptions));

  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;
  const track = async (work: () => Promise<void>): Promise<void> => {
    inFlight++;
    try {
      await work();
    } finally {
      inFlight--;
      if (closing && inFlight === 0) drained?.();
    }
  };

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (closing) return void res.send(503, { error: 'shutting down' });
    const started = performance.now();
    const kind = turnKindOf((req.body as { type?: unknown } | null | undefined)?.type);
    let outcome: TurnOutcome = 'ok';
    await track(async () => {
      try {
        // Authentication first: an unauthenticated caller learns nothing, not even whether its body was valid.
        if (deps.authenticate !== undefined && !(await deps.authenticate(req.headers.authorization, req.body)))
          return void res.send(401, { error: 'unauthorized' });
        if (!ActivityEnvelope.safeParse(req.body).success)
          return void res.send(400, { error: 'not a Bot Framework activity' });
        await handleActivity(req, res);
      } catch (e) {
        outcome = 'error';
        log.error({ err: e }, 'Request failed');
        if (!res.headersSent) res.send(500, { error: 'internal error' });
      } finally {
        recordTurnLatency(performance.now() - started, kind, outcome);
      }
    });
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const cosmos = await store.ping();
    res.send(cosmos && !closing ? 200 : 503, {
      status: cosmos && !closing ? 'ok' : 'degraded',
      cosmos: cosmos ? 'reachable' : 'unreachable',
      store: store.kind,
    });
  });

  for (const route of deps.routes ?? []) {
    server[route.method](route.path, async (req: restify.Request, res: restify.Response) => {
      if (closing) return void res.send(503, { error: 'shutting down' });
      await track(() =>
        route.handle(req, res).catch((e: unknown) => {
          log.error({ err: e, route: route.path }, 'Route failed');
          if (!res.headersSent) res.send(500, { error: 'internal error' });
        }),
      );
    });
  }

  return {
    server,
    listen: (port, host) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(address.port);
        });
      }),
    close: async () => {
      closing = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
