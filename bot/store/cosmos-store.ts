import { CosmosClient, type Container, type CosmosClientOptions, type Database } from '@azure/cosmos';
import type { Config } from '../config';
import type { Logger } from '../log';
import { CONTAINERS, CONTAINER_NAMES, type ContainerName } from './containers';
import type * as EmbeddedCosmosModule from './embedded-cosmos';
import type { EmbeddedCosmos } from './embedded-cosmos';
import { loadSnapshot, writeSnapshot } from './cosmos-snapshot';
import { cosmosAuthFor, createAzureCosmosClient, describeCosmosAuth } from './azure-cosmos-client';
import { STORE_OPERATION_TIMEOUT_MS } from './documents';

/** The system of record: typed containers, health, and (for the embedded default) persistence. */
export interface Store {
  readonly kind: 'embedded' | 'azure';
  readonly database: Database;
  readonly containers: Readonly<Record<ContainerName, Container>>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** Writes the embedded store's snapshot (no-op for Azure). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Start the embedded server on this port (tests use 0). */
  readonly embeddedPort?: number;
  /** Skip loading and writing DATA_DIR (benchmarks that want a clean, memory-only store). */
  readonly persist?: boolean;
  /** Test seam: route the SDK through another endpoint (e.g. a proxy that fault tests can cut). */
  readonly routeEndpoint?: (endpoint: string) => Promise<string>;
  /**
   * Test and benchmark seam: the SDK's HTTP client for the embedded store (a wrapper that counts
   * every request reaching the store). Requests still go through the SDK's default client.
   */
  readonly httpClient?: CosmosClientOptions['httpClient'];
  /**
   * The embedded store only: 'in-process' hands the SDK's requests to the server without a socket
   * (bulk local work such as seed:demo); 'http' (the default) goes over loopback HTTP as to Azure.
   */
  readonly transport?: 'http' | 'in-process';
}

async function ensureContainers(database: Database): Promise<Record<ContainerName, Container>> {
  const entries = await Promise.all(
    CONTAINER_NAMES.map(async (name) => {
      const def = CONTAINERS[name];
      const { container } = await database.containers.createIfNotExists({
        id: name,
        partitionKey: { paths: [def.partitionKey] },
        ...(def.defaultTtl === undefined ? {} : { defaultTtl: def.defaultTtl }),
      });
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
}

export async function openStore(config: Config, log: Logger, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.COSMOS_ENDPOINT !== undefined) {
    const client = createAzureCosmosClient(config);
    const { database } = await client.databases.createIfNotExists({ id: config.COSMOS_DATABASE });
    const containers = await ensureContainers(database);
    const auth = cosmosAuthFor(config);
    log.info({ database: config.COSMOS_DATABASE, auth: describeCosmosAuth(auth) }, 'Using Azure Cosmos DB');
    if (auth.kind === 'key' && config.NODE_ENV === 'production')
      log.warn(
        'COSMOS_KEY is set in production: Azure accounts deployed from infra/ accept only the managed identity.',
      );
    return {
      kind: 'azure',
      database,
      containers,
      ping: () => pingDatabase(database),
      flush: async () => undefined,
      close: async () => client.dispose(),
    };
  }
  return openEmbeddedStore(config, log, options);
}

/** Raised when there is no COSMOS_ENDPOINT and the embedded server is not installed (`npm ci --omit=dev`). */
export class EmbeddedStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      'COSMOS_ENDPOINT is not set and the embedded Cosmos DB server is not installed (it is a development dependency, ' +
        'left out by `npm ci --omit=dev`). Set COSMOS_ENDPOINT, or install with `npm ci` for local use.',
      { cause },
    );
    this.name = 'EmbeddedStoreUnavailableError';
  }
}

/**
 * The embedded server (and its old query parser, @babel/traverse 7.6) is loaded only here, so a
 * production start against Azure never loads it and a production install need not contain it.
 */
async function loadEmbeddedCosmos(): Promise<typeof EmbeddedCosmosModule> {
  try {
    return await import('./embedded-cosmos');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    if (missing && String((e as Error).message).includes('@vercel/cosmosdb-server'))
      throw new EmbeddedStoreUnavailableError(e);
    throw e;
  }
}

async function openEmbeddedStore(config: Config, log: Logger, options: OpenStoreOptions): Promise<Store> {
  const persist = options.persist ?? true;
  const { EMBEDDED_COSMOS_KEY, startEmbeddedCosmos } = await loadEmbeddedCosmos();
  const server: EmbeddedCosmos = await startEmbeddedCosmos(options.embeddedPort ?? 0);
  const endpoint = options.routeEndpoint ? await options.routeEndpoint(server.endpoint) : server.endpoint;
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    // Over plain HTTP the SDK must not follow the account's advertised https endpoint. No custom
    // agent: the SDK's own HTTP agent (keep-alive) is the one it allows plain HTTP with.
    connectionPolicy: { enableEndpointDiscovery: false },
    ...(options.httpClient !== undefined ? { httpClient: options.httpClient } : {}),
    ...(options.httpClient === undefined && options.transport === 'in-process' && options.routeEndpoint === undefined
      ? { httpClient: server.inProcess }
      : {}),
  });
  const { database } = await client.databases.createIfNotExists({ id: config.COSMOS_DATABASE });
  const containers = await ensureContainers(database);
  if (persist) {
    const restored = await loadSnapshot(config.DATA_DIR, containers);
    log.info({ dataDir: config.DATA_DIR, restored }, 'Embedded store snapshot loaded');
  }
  log.warn(
    { endpoint: server.endpoint, dataDir: persist ? config.DATA_DIR : null },
    'LOCAL DEFAULT: using the embedded Cosmos DB server (in-process, snapshot in DATA_DIR). Not for production: set COSMOS_ENDPOINT.',
  );

  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    if (!persist) return;
    // Serialise snapshot writes so a periodic write and the shutdown write never interleave.
    writing = writing.then(async () => {
      const count = await writeSnapshot(config.DATA_DIR, containers);
      log.debug({ count }, 'Embedded store snapshot written');
    });
    return writing;
  };
  const timer =
    persist && config.SNAPSHOT_INTERVAL_SECONDS > 0
      ? setInterval(() => {
          flush().catch((e: unknown) => log.error({ err: e }, 'Embedded store snapshot failed'));
        }, config.SNAPSHOT_INTERVAL_SECONDS * 1000)
      : undefined;
  timer?.unref();

  return {
    kind: 'embedded',
    database,
    containers,
    ping: () => pingDatabase(database),
    flush,
    close: async () => {
      if (timer !== undefined) clearInterval(timer);
      await flush();
      client.dispose();
      await server.stop();
    },
  };
}

async function pingDatabase(database: Database): Promise<boolean> {
  try {
    await database.read({ abortSignal: AbortSignal.timeout(STORE_OPERATION_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}
