import { CONTAINERS } from '../../bot/store/containers';
import { ConfigError, EnvSchema, loadConfig } from '../../bot/config';
import {
  arrayItems,
  blockAfter,
  literal,
  objectEntries,
  outputs,
  params,
  readRepoFile,
  resources,
} from './bicep-reader';

const bicep = readRepoFile('infra/azure.bicep');
const botBicep = readRepoFile('infra/botRegistration/azurebot.bicep');

/** Settings App Service itself reads; every other app setting must be one the app's config knows. */
const PLATFORM_SETTINGS = new Set(['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT']);
const EU_REGIONS = new Set([
  'swedencentral',
  'westeurope',
  'northeurope',
  'germanywestcentral',
  'francecentral',
  'italynorth',
  'polandcentral',
  'spaincentral',
  'austriaeast',
  'belgiumcentral',
  'denmarkeast',
]);

interface DeclaredContainer {
  readonly partitionKey: string;
  readonly defaultTtl: number | undefined;
}

function containersInBicep(): Record<string, DeclaredContainer> {
  const out: Record<string, DeclaredContainer> = {};
  for (const item of arrayItems(blockAfter(bicep, 'var cosmosContainers = ['))) {
    const entries = objectEntries(item);
    const id = literal(entries.find((e) => e.key === 'id')?.value ?? '');
    const partitionKeyPaths = [...blockAfter(item, 'paths: [').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    const ttl = entries.find((e) => e.key === 'defaultTtl')?.value;
    if (id === undefined) throw new Error(`A container without a literal id:\n${item}`);
    expect(partitionKeyPaths).toHaveLength(1);
    out[id] = { partitionKey: partitionKeyPaths[0]!, defaultTtl: ttl === undefined ? undefined : Number(ttl) };
  }
  return out;
}

interface AppSetting {
  readonly name: string;
  readonly value: string;
}

const settingsOf = (varName: string): AppSetting[] =>
  objectEntries(blockAfter(bicep, `var ${varName} = {`)).map((e) => ({ name: e.key, value: e.value }));

/** A value of the right shape for a setting whose Bicep value is only known at deployment time. */
function dummyFor(name: string): string {
  const schema = (EnvSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[name];
  const candidates = [
    '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    'https://fremdrift-cosmos-abc.documents.azure.com:443/',
    // What a resolved Key Vault reference yields: a long random secret.
    'resolved-secret-from-key-vault-0123456789abcdef',
  ];
  const fit = candidates.find((c) => schema?.safeParse(c).success === true);
  if (fit === undefined) throw new Error(`No dummy value fits ${name}`);
  return fit;
}

/** The environment App Service gives the app for one bot registration type, as the template declares it. */
function productionEnv(botAppType: string): Record<string, string> {
  const properties = /name: 'appsettings'\s*\n\s*properties: (.+)$/m.exec(bicep)?.[1];
  // The template adds the SingleTenant settings exactly when the bot is not a managed identity.
  expect(properties).toBe('isMsi ? appSettings : union(appSettings, singleTenantSettings)');
  expect(bicep).toContain("var isMsi = botAppType == 'UserAssignedMSI'");
  const declared = [
    ...settingsOf('appSettings'),
    ...(botAppType === 'UserAssignedMSI' ? [] : settingsOf('singleTenantSettings')),
  ];
  const env: Record<string, string> = {};
  for (const { name, value } of declared) {
    if (PLATFORM_SETTINGS.has(name)) continue;
    env[name] = name === 'MICROSOFT_APP_TYPE' ? botAppType : (literal(value) ?? dummyFor(name));
  }
  return env;
}

const botAppTypes = params(bicep).find((p) => p.name === 'botAppType')?.allowed ?? [];

describe('infra/azure.bicep: Cosmos DB matches what the app creates at start-up', () => {
  it('declares exactly the containers, partition keys and TTL settings of bot/store/containers.ts', () => {
    expect(containersInBicep()).toEqual(
      Object.fromEntries(Object.entries(CONTAINERS).map(([name, def]) => [name, { ...def }])),
    );
  });

  it('creates every declared container in the app database (the app cannot create them under data-plane RBAC)', () => {
    const containerResource = resources(bicep).find(
      (r) => r.type === 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    );
    expect(bicep).toMatch(/^resource cosmosContainerResources '[^']+' = \[for container in cosmosContainers: \{$/m);
    expect(containerResource?.body).toMatch(/parent: cosmosDatabase/);
    expect(containerResource?.body).toMatch(/resource: container\b/);
    // The database is the one the app opens by default.
    expect(literal(/^var cosmosDatabaseName = (.+)$/m.exec(bicep)?.[1] ?? '')).toBe(loadConfig({}).COSMOS_DATABASE);
  });

  it('gives every container an indexing policy, and indexes every path the app queries', () => {
    for (const item of arrayItems(blockAfter(bicep, 'var cosmosContainers = ['))) {
      const policyVar = objectEntries(item).find((e) => e.key === 'indexingPolicy')?.value ?? '';
      const policy = blockAfter(bicep, `var ${policyVar} = {`);
      expect(policy).toMatch(/indexingMode: 'consistent'/);
      expect(policy).toMatch(/path: '\/\*'/);
      // Queries filter on tenantId/type/caseRef and ORDER BY single fields: nothing they use may be excluded.
      const excluded = [...blockAfter(policy, 'excludedPaths: [').matchAll(/path: '([^']+)'/g)].map((m) => m[1]!);
      for (const path of excluded) expect(['/"_etag"/?', '/state/*']).toContain(path);
    }
  });

  it('is serverless by default, with provisioned autoscale as the alternative', () => {
    const mode = params(bicep).find((p) => p.name === 'cosmosCapacityMode');
    expect(mode?.defaultValue).toBe("'Serverless'");
    expect(mode?.allowed).toEqual(['Serverless', 'Provisioned']);
    expect(bicep).toMatch(/capabilities: isServerless \? \[\s*\{\s*name: 'EnableServerless'/);
    expect(bicep).toMatch(
      /options: isServerless \? \{\} : \{\s*autoscaleSettings: \{\s*maxThroughput: cosmosAutoscaleMaxThroughput/,
    );
  });

  it('turns key access off and grants the app identity the built-in data-plane role instead', () => {
    const account = resources(bicep).find((r) => r.type === 'Microsoft.DocumentDB/databaseAccounts')!;
    expect(account.body).toMatch(/disableLocalAuth: true/);
    expect(account.body).toMatch(/disableKeyBasedMetadataWriteAccess: true/);
    const assignment = resources(bicep).find(
      (r) => r.type === 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
    )!;
    expect(bicep).toContain("var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'");
    expect(assignment.body).toMatch(
      /roleDefinitionId: '\$\{cosmos\.id\}\/sqlRoleDefinitions\/\$\{cosmosDataContributorRoleId\}'/,
    );
    expect(assignment.body).toMatch(/principalId: identity\.properties\.principalId/);
    const settings = settingsOf('appSettings');
    expect(settings.find((s) => s.name === 'COSMOS_MANAGED_IDENTITY_CLIENT_ID')?.value).toBe(
      'identity.properties.clientId',
    );
    expect(settings.map((s) => s.name)).not.toContain('COSMOS_KEY');
  });
});

describe('infra/azure.bicep: every setting the app requires in production is provided', () => {
  it('offers the bot registration types that can still be created (no MultiTenant)', () => {
    expect(botAppTypes).toEqual(['UserAssignedMSI', 'SingleTenant']);
  });

  it('sets NODE_ENV=production, so the production checks of bot/config.ts apply', () => {
    expect(settingsOf('appSettings').find((s) => s.name === 'NODE_ENV')?.value).toBe("'production'");
  });

  it('names only settings the app (or App Service) knows: a typo cannot hide a missing setting', () => {
    for (const { name } of [...settingsOf('appSettings'), ...settingsOf('singleTenantSettings')])
      if (!PLATFORM_SETTINGS.has(name)) expect(Object.keys(EnvSchema.shape)).toContain(name);
  });

  it.each(botAppTypes)('passes the production configuration check as a %s bot', (botAppType) => {
    const config = loadConfig(productionEnv(botAppType));
    expect(config.NODE_ENV).toBe('production');
    expect(config.MICROSOFT_APP_TYPE).toBe(botAppType);
    expect(config.COSMOS_ENDPOINT).toBeDefined();
    expect(config.COSMOS_KEY).toBeUndefined();
  });

  it.each(botAppTypes)(
    'as a %s bot, fails fast naming any required setting the template would leave out',
    (botAppType) => {
      const env = productionEnv(botAppType);
      const required: string[] = [];
      for (const name of Object.keys(env)) {
        const without = { ...env };
        delete without[name];
        try {
          loadConfig(without);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
          // Named directly, or (MICROSOFT_APP_TYPE falls back to SingleTenant) in the requirement it triggers.
          expect((e as ConfigError).message).toContain(name);
          required.push(name);
        }
      }
      const core = [
        'COSMOS_ENDPOINT',
        'MICROSOFT_APP_ID',
        'DIGEST_RUN_TOKEN',
        'CASE_REF_HASH_KEY',
        'ALLOWED_TENANT_IDS',
      ];
      expect(required).toEqual(expect.arrayContaining(core));
      for (const name of core) {
        const without = { ...env };
        delete without[name];
        expect(() => loadConfig(without)).toThrow(`${name}: required in production`);
      }
      if (botAppType === 'SingleTenant')
        expect(required).toEqual(expect.arrayContaining(['MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID']));
    },
  );

  it('keeps secrets in Key Vault: the app settings hold Key Vault references to secrets the template creates', () => {
    const all = [...settingsOf('appSettings'), ...settingsOf('singleTenantSettings')];
    for (const name of ['DIGEST_RUN_TOKEN', 'CASE_REF_HASH_KEY', 'MICROSOFT_APP_PASSWORD']) {
      const value = all.find((s) => s.name === name)?.value ?? '';
      const secretVar = /^'@Microsoft\.KeyVault\(VaultName=\$\{keyVaultName\};SecretName=\$\{(\w+)\}\)'$/.exec(
        value,
      )?.[1];
      expect(secretVar).toBeDefined();
      const secretResource = resources(bicep).find(
        (r) => r.type === 'Microsoft.KeyVault/vaults/secrets' && r.body.includes(`name: ${secretVar}`),
      );
      expect(secretResource).toBeDefined();
    }
    for (const name of ['caseRefHashKey', 'digestRunToken', 'botAppPassword'])
      expect(params(bicep).find((p) => p.name === name)?.decorators).toContain('@secure()');
    // The vault uses RBAC, the app's identity reads secrets with it, and App Service resolves references with it.
    expect(bicep).toMatch(/enableRbacAuthorization: true/);
    expect(bicep).toContain("var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'");
    expect(bicep).toMatch(/keyVaultReferenceIdentity: identity\.id/);
  });

  it('refuses a Key Vault reference that App Service could not resolve, naming the setting', () => {
    const env = {
      ...productionEnv('UserAssignedMSI'),
      DIGEST_RUN_TOKEN: '@Microsoft.KeyVault(VaultName=kv-x;SecretName=digest-run-token)',
    };
    expect(() => loadConfig(env)).toThrow(/DIGEST_RUN_TOKEN: a Key Vault reference App Service could not resolve/);
  });
});

describe('infra/azure.bicep: hosting, region, bot and diagnostics', () => {
  it('defaults to an EU region and offers only EU regions', () => {
    const location = params(bicep).find((p) => p.name === 'location')!;
    expect(location.defaultValue).toBe("'swedencentral'");
    expect(location.allowed?.length).toBeGreaterThan(0);
    for (const region of location.allowed ?? []) expect(EU_REGIONS).toContain(region);
  });

  it('runs the compiled entry point on Linux with Node 22 LTS, the user-assigned identity and a /healthz check', () => {
    const site = resources(bicep).find((r) => r.type === 'Microsoft.Web/sites')!;
    expect(site.body).toMatch(/linuxFxVersion: 'NODE\|22-lts'/);
    expect(site.body).toMatch(/healthCheckPath: '\/healthz'/);
    expect(site.body).toMatch(/alwaysOn: true/);
    expect(site.body).toMatch(/httpsOnly: true/);
    expect(site.body).toMatch(/type: 'UserAssigned'/);
    // The start command runs what `npm run build` emits: tsconfig outDir + bot/main.ts.
    const outDir = (JSON.parse(readRepoFile('tsconfig.json')) as { compilerOptions: { outDir: string } })
      .compilerOptions.outDir;
    expect(site.body).toContain(`appCommandLine: 'node ${outDir}/bot/main.js'`);
    // `exec`: the script is the bot, so a SIGTERM to npm reaches it (test/foundation/start-bot-script.test.ts).
    expect(JSON.parse(readRepoFile('package.json')).scripts['start:bot']).toBe(`exec node ${outDir}/bot/main.js`);
  });

  it('registers an Azure Bot with the Teams channel, authenticated by the managed identity by default', () => {
    expect(params(bicep).find((p) => p.name === 'botAppType')?.defaultValue).toBe("'UserAssignedMSI'");
    expect(bicep).toMatch(/var botId = isMsi \? identity\.properties\.clientId : botAppId/);
    expect(bicep).toMatch(/botEndpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    const channel = resources(botBicep).find((r) => r.type === 'Microsoft.BotService/botServices/channels')!;
    expect(channel.body).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(channel.body).toMatch(/isEnabled: true/);
    expect(botBicep).toMatch(/msaAppMSIResourceId: identityResourceId/);
  });

  it('sends diagnostics of the app, Cosmos DB, Key Vault and the bot to Log Analytics, with Application Insights on it', () => {
    const diagnosticScopes = [...resources(bicep), ...resources(botBicep)]
      .filter((r) => r.type === 'Microsoft.Insights/diagnosticSettings')
      .map((r) => /scope: (\w+)/.exec(r.body)?.[1]);
    expect(diagnosticScopes.sort()).toEqual(['botService', 'cosmos', 'keyVault', 'webApp']);
    // Partition-key statistics would list case refs.
    expect(bicep).not.toMatch(/PartitionKey(Statistics|RUConsumption)/);
    expect(bicep).toMatch(/WorkspaceResourceId: logs\.id/);
    expect(settingsOf('appSettings').find((s) => s.name === 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.value).toBe(
      'appInsights.properties.ConnectionString',
    );
  });

  it('has a parameters file that sets every parameter without a default and nothing undeclared', () => {
    const file = JSON.parse(readRepoFile('infra/azure.parameters.json')) as { parameters: Record<string, unknown> };
    const declared = params(bicep);
    for (const name of Object.keys(file.parameters)) expect(declared.map((p) => p.name)).toContain(name);
    for (const p of declared.filter((d) => d.defaultValue === undefined))
      expect(Object.keys(file.parameters)).toContain(p.name);
  });

  it('outputs what teamsapp.yml and the manifest use (BOT_ID, the App Service resource id)', () => {
    expect(outputs(bicep)).toEqual(expect.arrayContaining(['BOT_ID', 'AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN']));
  });
});
