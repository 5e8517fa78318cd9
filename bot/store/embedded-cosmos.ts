import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createHttpServer } from '@vercel/cosmosdb-server';
import Documents from '@vercel/cosmosdb-server/lib/account/documents';
// The server's query engine (its dependency): its result helper is replaced in embedded-partition-index.ts.
import * as queryHelpers from '@zeit/cosmosdb-query/lib/helpers';
import type { CosmosClientOptions } from '@azure/cosmos';
import { installPartitionIndex } from './embedded-partition-index';
import { inProcessHttpClient } from './embedded-in-process';

/**
 * The local default store: @vercel/cosmosdb-server in-process on 127.0.0.1, spoken to through the
 * real @azure/cosmos SDK like Azure Cosmos DB. In-memory only; cosmos-snapshot.ts keeps its data
 * across restarts. Not for production.
 */
export interface EmbeddedCosmos {
  readonly endpoint: string;
  readonly port: number;
  /** The SDK's HTTP client that hands requests to this server in the same process (embedded-in-process.ts). */
  readonly inProcess: NonNullable<CosmosClientOptions['httpClient']>;
  stop(): Promise<void>;
}

/** Any base64 string is accepted by the embedded server; this is the public emulator key. */
export const EMBEDDED_COSMOS_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/**
 * The SDK asks for a query plan beside every page of a query and uses it only when the gateway
 * refuses the query as sent, which the embedded server never does. The server takes the plan
 * request for a query and answers it with every matching document (no page size), so a page of
 * the digest cost a full read of the container. It now gets a short refusal instead; the SDK keeps
 * it aside unused, as it keeps an unused plan.
 */
function answerQueryPlansCheaply(server: Server): (req: IncomingMessage, res: ServerResponse) => void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (String(req.headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() !== 'true') {
      for (const handle of handlers) handle(req, res);
      return;
    }
    req.resume();
    req.on('end', () => {
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-ms-request-charge', '0');
      res.end(JSON.stringify({ code: 'BadRequest', message: 'The embedded store serves no query plans.' }));
    });
  };
  server.on('request', handle);
  return handle;
}

export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  // Queries that fix the partition key read that partition only, as in Azure (see the module).
  installPartitionIndex(Documents, queryHelpers as unknown as { stripUndefined: (value: unknown) => unknown });
  // Plain HTTP with keep-alive: the bundled TLS certificate expired in 2021, and keep-alive is ~3x faster.
  const server: Server = createHttpServer({ keepAlive: true } as Parameters<typeof createHttpServer>[0]);
  const handle = answerQueryPlansCheaply(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    inProcess: inProcessHttpClient(handle),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
