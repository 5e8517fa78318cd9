import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer } from '@vercel/cosmosdb-server';

/**
 * The local default store: @vercel/cosmosdb-server in-process on 127.0.0.1, spoken to through the
 * real @azure/cosmos SDK like Azure Cosmos DB. In-memory only; cosmos-snapshot.ts keeps its data
 * across restarts. Not for production.
 */
export interface EmbeddedCosmos {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Any base64 string is accepted by the embedded server; this is the public emulator key. */
export const EMBEDDED_COSMOS_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  // Plain HTTP with keep-alive: the bundled TLS certificate expired in 2021, and keep-alive is ~3x faster.
  const server: Server = createHttpServer({ keepAlive: true } as Parameters<typeof createHttpServer>[0]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
