import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { loadConfig } from '../../bot/config';
import { cosmosAuthFor, cosmosClientOptions, describeCosmosAuth } from '../../bot/store/azure-cosmos-client';

const ENDPOINT = 'https://fremdrift-cosmos.documents.azure.com:443/';
const CLIENT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('Cosmos DB authentication choice (no network)', () => {
  it('uses the user-assigned managed identity named by COSMOS_MANAGED_IDENTITY_CLIENT_ID when no key is set', () => {
    const config = loadConfig({ COSMOS_ENDPOINT: ENDPOINT, COSMOS_MANAGED_IDENTITY_CLIENT_ID: CLIENT_ID });
    expect(cosmosAuthFor(config)).toEqual({ kind: 'managed-identity', clientId: CLIENT_ID });
    const options = cosmosClientOptions(config);
    expect(options.key).toBeUndefined();
    expect(options.aadCredentials).toBeInstanceOf(ManagedIdentityCredential);
    expect(options.endpoint).toBe(ENDPOINT);
  });

  it('falls back to DefaultAzureCredential when neither a key nor an identity client id is given', () => {
    const config = loadConfig({ COSMOS_ENDPOINT: ENDPOINT });
    expect(cosmosAuthFor(config)).toEqual({ kind: 'default-credential' });
    const options = cosmosClientOptions(config);
    expect(options.key).toBeUndefined();
    expect(options.aadCredentials).toBeInstanceOf(DefaultAzureCredential);
  });

  it('uses the key only when COSMOS_KEY is set (emulator/local), and never both', () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: 'https://localhost:8081/',
      COSMOS_KEY: 'emulator-key',
      COSMOS_MANAGED_IDENTITY_CLIENT_ID: CLIENT_ID,
    });
    expect(cosmosAuthFor(config)).toEqual({ kind: 'key', key: 'emulator-key' });
    const options = cosmosClientOptions(config);
    expect(options.key).toBe('emulator-key');
    expect(options.aadCredentials).toBeUndefined();
  });

  it('treats a blank COSMOS_KEY as absent, so an empty app setting cannot switch production to key auth', () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: ENDPOINT,
      COSMOS_KEY: '  ',
      COSMOS_MANAGED_IDENTITY_CLIENT_ID: CLIENT_ID,
    });
    expect(cosmosAuthFor(config).kind).toBe('managed-identity');
  });

  it('describes the choice for the start-up log without revealing the key', () => {
    const text = describeCosmosAuth({ kind: 'key', key: 'super-secret-key' });
    expect(text).not.toContain('super-secret-key');
    expect(describeCosmosAuth({ kind: 'managed-identity', clientId: CLIENT_ID })).toContain('managed identity');
  });

  it('refuses to build a client without an endpoint', () => {
    expect(() => cosmosClientOptions(loadConfig({}))).toThrow('COSMOS_ENDPOINT is not set');
  });
});
