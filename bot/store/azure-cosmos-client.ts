import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import type * as AzureIdentity from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config';

/**
 * How the app authenticates to Azure Cosmos DB. In Azure the account has local (key) auth disabled,
 * so the app signs in with its user-assigned managed identity and holds the "Cosmos DB Built-in Data
 * Contributor" role (infra/azure.bicep). A key is only for the emulator or a developer's own account.
 */
export type CosmosAuth =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'managed-identity'; readonly clientId: string }
  | { readonly kind: 'default-credential' };

type CosmosAuthSettings = Pick<Config, 'COSMOS_KEY' | 'COSMOS_MANAGED_IDENTITY_CLIENT_ID'>;

/** Pure choice of the credential: key if given, else the named managed identity, else the default chain. */
export function cosmosAuthFor(config: CosmosAuthSettings): CosmosAuth {
  if (config.COSMOS_KEY !== undefined) return { kind: 'key', key: config.COSMOS_KEY };
  if (config.COSMOS_MANAGED_IDENTITY_CLIENT_ID !== undefined)
    return { kind: 'managed-identity', clientId: config.COSMOS_MANAGED_IDENTITY_CLIENT_ID };
  // Covers a system-assigned identity, workload identity, and `az login` on a developer's machine.
  return { kind: 'default-credential' };
}

/**
 * The token credential for an identity-based choice. Constructing it does not touch the network.
 * @azure/identity (with MSAL) is loaded only here, so local runs on the embedded store start faster.
 */
export function credentialFor(auth: Exclude<CosmosAuth, { kind: 'key' }>): TokenCredential {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const identity = require('@azure/identity') as typeof AzureIdentity;
  return auth.kind === 'managed-identity'
    ? new identity.ManagedIdentityCredential({ clientId: auth.clientId })
    : new identity.DefaultAzureCredential();
}

/** Options for the SDK client: exactly one of `key` and `aadCredentials`. */
export function cosmosClientOptions(config: Config): CosmosClientOptions {
  const endpoint = config.COSMOS_ENDPOINT;
  if (endpoint === undefined) throw new Error('COSMOS_ENDPOINT is not set');
  const auth = cosmosAuthFor(config);
  return auth.kind === 'key' ? { endpoint, key: auth.key } : { endpoint, aadCredentials: credentialFor(auth) };
}

/** Client for Azure Cosmos DB (or the emulator when COSMOS_KEY is set). */
export function createAzureCosmosClient(config: Config): CosmosClient {
  return new CosmosClient(cosmosClientOptions(config));
}

/** A line for the start-up log that says how the store is reached, without any secret. */
export function describeCosmosAuth(auth: CosmosAuth): string {
  switch (auth.kind) {
    case 'key':
      return 'account key (emulator/local only)';
    case 'managed-identity':
      return 'managed identity (client id from COSMOS_MANAGED_IDENTITY_CLIENT_ID)';
    case 'default-credential':
      return 'DefaultAzureCredential';
  }
}
