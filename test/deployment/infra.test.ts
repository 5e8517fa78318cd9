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
  resourceOf,
  resources,
  varValue,
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
    'Authorization=AAD;ClientId=3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  ];
  const fit = candidates.find((c) => schema?.safeParse(c).success === true);
  if (fit === undefined) throw new Error(`No dummy value fits ${name}`);
  return fit;
}

/** The environment App Service gives the app for one bot registration type, as the template declares it. */
function productionEnv(botAppType: string, adminApi = false): Record<string, string> {
  const properties = /name: 'appsettings'\s*\n\s*properties: (.+)$/m.exec(bicep)?.[1];
  // SingleTenant settings exactly when the bot is not a managed identity; the admin API's token only when given.
  expect(properties).toBe(
    'union(appSettings, isMsi ? {} : singleTenantSettings, adminApiEnabled ? adminApiSettings : {})',
  );
  expect(varValue(bicep, 'isMsi')).toBe("botAppType == 'UserAssignedMSI'");
  const declared = [
    ...settingsOf('appSettings'),
    ...(botAppType === 'UserAssignedMSI' ? [] : settingsOf('singleTenantSettings')),
    ...(adminApi ? settingsOf('adminApiSettings') : []),
  ];
  const env: Record<string, string> = {};
  for (const { name, value } of declared) {
    if (PLATFORM_SETTINGS.has(name)) continue;
    env[name] = name === 'MICROSOFT_APP_TYPE' ? botAppType : (literal(value) ?? dummyFor(name));
  }
  return env;
}

const botAppTypes = params(bicep).find((p) => p.name === 'botAppType')?.allowed ?? [];

describe('infra/azure.bicep: Cosmos DB has the containers the app uses', () => {
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
    for (const { name } of [
      ...settingsOf('appSettings'),
      ...settingsOf('singleTenantSettings'),
      ...settingsOf('adminApiSettings'),
    ])
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
    const all = [
      ...settingsOf('appSettings'),
      ...settingsOf('singleTenantSettings'),
      ...settingsOf('adminApiSettings'),
    ];
    for (const name of ['DIGEST_RUN_TOKEN', 'CASE_REF_HASH_KEY', 'MICROSOFT_APP_PASSWORD', 'ADMIN_API_TOKEN']) {
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
    for (const name of ['caseRefHashKey', 'digestRunToken', 'botAppPassword', 'adminApiToken'])
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
    // Platform metrics of the app, Cosmos DB and Key Vault are exported to the workspace too.
    for (const r of resources(bicep).filter((x) => x.type === 'Microsoft.Insights/diagnosticSettings')) {
      const metrics = arrayItems(blockAfter(r.body, 'metrics: ['));
      expect(metrics.length).toBeGreaterThan(0);
      for (const m of metrics) expect(m).toMatch(/enabled: true/);
    }
    // Partition-key statistics would list case refs.
    expect(bicep).not.toMatch(/PartitionKey(Statistics|RUConsumption)/);
    expect(bicep).toMatch(/WorkspaceResourceId: logs\.id/);
    expect(settingsOf('appSettings').find((s) => s.name === 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.value).toBe(
      'appInsights.properties.ConnectionString',
    );
  });

  it.each(botAppTypes)(
    'has a %s parameters file that sets every parameter without a default and nothing undeclared',
    (botAppType) => {
      const file = JSON.parse(readRepoFile(`infra/azure.parameters.${botAppType}.json`)) as {
        parameters: Record<string, unknown>;
      };
      const declared = params(bicep);
      for (const name of Object.keys(file.parameters)) expect(declared.map((p) => p.name)).toContain(name);
      for (const p of declared.filter((d) => d.defaultValue === undefined))
        expect(Object.keys(file.parameters)).toContain(p.name);
    },
  );

  it('outputs what teamsapp.yml and the manifest use (BOT_ID, the App Service resource id)', () => {
    expect(outputs(bicep)).toEqual(expect.arrayContaining(['BOT_ID', 'AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN']));
  });
});

/*
 * Issue 18: what would stop a municipality's IT or its security review. Each block below fails on
 * the template as it was before (public endpoints, basic-auth publishing, instrumentation-key
 * ingestion, a vault named only by the resource group, no backup policy or alerts, any plan SKU).
 */

const param = (name: string) => {
  const p = params(bicep).find((x) => x.name === name);
  if (p === undefined) throw new Error(`No parameter ${name}`);
  return p;
};
const deployDoc = readRepoFile('docs/deploy.md');

describe('infra/azure.bicep: names that include the environment (issue 18, item 2)', () => {
  it('names the Key Vault after the environment, and the whole base name always fits in a vault name', () => {
    // Vault names are global, at most 24 characters, and held for 90 days after a delete.
    expect(varValue(bicep, 'keyVaultName')).toBe("take('kv${baseNameAlnum}${suffix}', 24)");
    expect(varValue(bicep, 'baseNameAlnum')).toBe("replace(baseName, '-', '')");
    expect(varValue(bicep, 'baseName')).toBe('toLower(resourceBaseName)');
    const maxBase = Number(/@maxLength\((\d+)\)/.exec(param('resourceBaseName').decorators.join(' '))?.[1]);
    // "kv" + the longest base name leaves at least 6 characters of the resource group's suffix.
    expect(2 + maxBase).toBeLessThanOrEqual(24 - 6);
  });

  it('gives every named resource and the bot module deployment the base name', () => {
    for (const v of ['identityName', 'planName', 'webAppName', 'cosmosAccountName', 'logsName', 'appInsightsName'])
      expect(varValue(bicep, v)).toMatch(/\$\{baseName\}/);
    expect(bicep).toMatch(/^module botRegistration '[^']+' = \{\n {2}name: '\$\{baseName\}-bot-registration'$/m);
  });

  it('documents how to recover the vault after the resource group was deleted', () => {
    expect(deployDoc).toMatch(/az keyvault recover/);
    expect(deployDoc).toMatch(/purge protection/i);
  });
});

describe('infra/azure.bicep: health data off the public internet (issue 18, item 3)', () => {
  it('has one parameter for network access, Private by default', () => {
    expect(param('networkAccess').defaultValue).toBe("'Private'");
    expect(param('networkAccess').allowed).toEqual(['Private', 'Public']);
    expect(varValue(bicep, 'isPrivate')).toBe("networkAccess == 'Private'");
    expect(varValue(bicep, 'publicNetworkAccess')).toBe("isPrivate ? 'Disabled' : 'Enabled'");
  });

  it('turns public network access off on Cosmos DB and Key Vault when private', () => {
    const cosmos = resourceOf(bicep, 'Microsoft.DocumentDB/databaseAccounts');
    const vault = resourceOf(bicep, 'Microsoft.KeyVault/vaults');
    for (const r of [cosmos, vault]) expect(r.body).toMatch(/^\s*publicNetworkAccess: publicNetworkAccess$/m);
    expect(vault.body).toMatch(/defaultAction: isPrivate \? 'Deny' : 'Allow'/);
    expect(cosmos.body).toMatch(/networkAclBypass: 'None'/);
    expect(bicep).not.toMatch(/publicNetworkAccess: 'Enabled'/);
  });

  it('reaches Cosmos DB (Sql) and Key Vault (vault) through private endpoints with their private DNS zones', () => {
    const endpoints = resources(bicep).filter((r) => r.type === 'Microsoft.Network/privateEndpoints');
    const target = (r: (typeof endpoints)[number]) => ({
      service: /privateLinkServiceId: (\w+)\.id/.exec(r.body)?.[1],
      group: /groupIds: \[\s*'(\w+)'/.exec(r.body)?.[1],
      subnet: /subnet: \{\s*id: (\w+)/.exec(r.body)?.[1],
      condition: r.condition,
    });
    expect(endpoints.map(target)).toEqual([
      { service: 'cosmos', group: 'Sql', subnet: 'privateEndpointSubnetId', condition: 'isPrivate' },
      { service: 'keyVault', group: 'vault', subnet: 'privateEndpointSubnetId', condition: 'isPrivate' },
    ]);
    // The zone names Azure documents for these sub-resources, each linked to the app's virtual network.
    const zones = arrayItems(blockAfter(bicep, 'var privateDnsZones = [')).map((i) =>
      literal(/zone: (.+)/.exec(i)![1]!),
    );
    expect(zones).toEqual(['privatelink.documents.azure.com', 'privatelink.vaultcore.azure.net']);
    const groups = resources(bicep).filter((r) => r.type === 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups');
    expect(groups.map((g) => [/parent: (\w+)/.exec(g.body)?.[1], /privateDnsZoneId: (.+)/.exec(g.body)?.[1]])).toEqual([
      ['cosmosPrivateEndpoint', 'dnsZones[0].id'],
      ['keyVaultPrivateEndpoint', 'dnsZones[1].id'],
    ]);
    const links = resourceOf(bicep, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks');
    expect(links.condition).toBe('isPrivate');
    expect(links.body).toMatch(/id: resourceId\('Microsoft\.Network\/virtualNetworks', vnetName\)/);
  });

  it('integrates the web app with the virtual network and routes all its outbound traffic there', () => {
    const site = resourceOf(bicep, 'Microsoft.Web/sites');
    expect(site.body).toMatch(/virtualNetworkSubnetId: isPrivate \? appSubnetId : null/);
    expect(site.body).toMatch(/vnetRouteAllEnabled: isPrivate/);
    const vnet = resourceOf(bicep, 'Microsoft.Network/virtualNetworks');
    expect(vnet.condition).toBe('isPrivate');
    expect(vnet.body).toMatch(/name: appSubnetName[\s\S]*serviceName: 'Microsoft\.Web\/serverFarms'/);
    expect(varValue(bicep, 'appSubnetId')).toBe(
      "resourceId('Microsoft.Network/virtualNetworks/subnets', vnetName, appSubnetName)",
    );
  });

  it('warns in the guide before anyone sets the network to Public', () => {
    expect(deployDoc).toContain('**Warning: `NETWORK_ACCESS=Public` puts the health data');
    expect(readRepoFile('env/.env.dev')).toMatch(/^NETWORK_ACCESS=Private$/m);
  });
});

describe('infra/azure.bicep: no username/password publishing (issue 18, item 4)', () => {
  it('turns basic-auth publishing credentials off for both FTP and SCM', () => {
    const policies = resources(bicep).filter(
      (r) => r.type === 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    );
    expect(
      policies.map((p) => ({
        parent: /parent: (\w+)/.exec(p.body)?.[1],
        name: literal(/name: (.+)/.exec(p.body)![1]!),
        body: p.body,
        when: p.condition,
      })),
    ).toEqual([
      expect.objectContaining({ parent: 'webApp', name: 'ftp', when: undefined }),
      expect.objectContaining({ parent: 'webApp', name: 'scm', when: undefined }),
    ]);
    for (const p of policies) expect(p.body).toMatch(/allow: false/);
    expect(resourceOf(bicep, 'Microsoft.Web/sites').body).toMatch(/ftpsState: 'Disabled'/);
  });
});

describe('infra/azure.bicep: no local authentication anywhere (issue 18, item 5)', () => {
  it('accepts Application Insights telemetry only with an Entra token of the app identity', () => {
    const insights = resourceOf(bicep, 'Microsoft.Insights/components');
    expect(insights.body).toMatch(/DisableLocalAuth: true/);
    expect(varValue(bicep, 'monitoringMetricsPublisherRoleId')).toBe("'3913510d-42f4-4e42-8a64-420c390055eb'");
    const publisher = resources(bicep).find(
      (r) => r.type === 'Microsoft.Authorization/roleAssignments' && /scope: appInsights$/m.test(r.body),
    );
    expect(publisher?.body).toMatch(/monitoringMetricsPublisherRoleId\)/);
    expect(publisher?.body).toMatch(/principalId: identity\.properties\.principalId/);
    // The app sends with that identity: App Service's authentication string, which the config accepts.
    const auth = settingsOf('appSettings').find((s) => s.name === 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING');
    expect(auth?.value).toBe("'Authorization=AAD;ClientId=${identity.properties.clientId}'");
    const config = loadConfig(productionEnv('UserAssignedMSI'));
    expect(config.APPLICATIONINSIGHTS_AUTHENTICATION_STRING).toEqual({
      clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
  });

  it('assigns the built-in policy that denies any Cosmos DB account with keys in the resource group', () => {
    const assignment = resourceOf(bicep, 'Microsoft.Authorization/policyAssignments');
    expect(varValue(bicep, 'cosmosLocalAuthDisabledPolicyId')).toBe("'5450f5bd-9c72-4390-a9c4-a7aba4edfdd2'");
    expect(assignment.body).toMatch(
      /policyDefinitionId: tenantResourceId\('Microsoft\.Authorization\/policyDefinitions', cosmosLocalAuthDisabledPolicyId\)/,
    );
    expect(assignment.body).toMatch(/effect: \{\s*value: 'Deny'/);
    expect(assignment.body).toMatch(/enforcementMode: 'Default'/);
    expect(assignment.condition).toBeUndefined();
  });

  it('locks the Cosmos DB account against deletion', () => {
    const lock = resourceOf(bicep, 'Microsoft.Authorization/locks');
    expect(lock.body).toMatch(/scope: cosmos$/m);
    expect(lock.body).toMatch(/level: 'CanNotDelete'/);
  });

  it('does not tell the reader that Azure administrators cannot read documents', () => {
    expect(deployDoc).not.toMatch(/cannot read documents/i);
    expect(deployDoc).toMatch(/can give themselves/i);
  });
});

describe('infra/azure.bicep: backups and alerts (issue 18, item 6)', () => {
  it('keeps continuous backup with point-in-time restore on the Cosmos DB account', () => {
    const cosmos = resourceOf(bicep, 'Microsoft.DocumentDB/databaseAccounts');
    expect(cosmos.body).toMatch(
      /backupPolicy: \{\s*type: 'Continuous'\s*continuousModeProperties: \{\s*tier: 'Continuous7Days'/,
    );
  });

  it('alerts on a failing health check, 5xx answers and Cosmos DB 403 and 429, to the operators', () => {
    const rules = arrayItems(blockAfter(bicep, 'var metricAlertRules = [')).map((item) => ({
      scope: /scope: (\w+)\.id/.exec(item)?.[1],
      metric: literal(/metricName: (.+)/.exec(item)![1]!),
      status: /values: \[\s*'(\d+)'/.exec(item)?.[1],
    }));
    expect(rules).toEqual([
      { scope: 'webApp', metric: 'HealthCheckStatus', status: undefined },
      { scope: 'webApp', metric: 'Http5xx', status: undefined },
      { scope: 'cosmos', metric: 'TotalRequests', status: '403' },
      { scope: 'cosmos', metric: 'TotalRequests', status: '429' },
    ]);
    const alerts = resourceOf(bicep, 'Microsoft.Insights/metricAlerts');
    expect(bicep).toMatch(/^resource metricAlerts '[^']+' = \[for rule in metricAlertRules: \{$/m);
    expect(alerts.body).toMatch(/actionGroupId: operators\.id/);
    const group = resourceOf(bicep, 'Microsoft.Insights/actionGroups');
    expect(group.body).toMatch(/emailAddress: alertEmailAddress/);
    expect(param('alertEmailAddress').defaultValue).toBeUndefined();
  });

  it('alerts on failed digest runs by the very messages the digest job logs', () => {
    const rule = resourceOf(bicep, 'Microsoft.Insights/scheduledQueryRules');
    const query = literal(/query: (.+)/.exec(rule.body)![1]!) ?? '';
    expect(query).toMatch(/^AppServiceConsoleLogs \| where ResultDescription has_any \(/);
    const messages = [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    expect(messages.length).toBeGreaterThan(0);
    const digestCode = ['bot/features/digest/digest-job.ts', 'bot/features/digest/delivery.ts']
      .map(readRepoFile)
      .join('\n');
    for (const message of messages) expect(digestCode).toContain(`'${message}'`);
    expect(rule.body).toMatch(/scopes: \[\s*logs\.id/);
    expect(rule.body).toMatch(/operators\.id/);
  });
});

describe('infra/azure.bicep: correctness (issue 18, item 7)', () => {
  it('allows only App Service plans of Basic or higher, which keep Always On and virtual network integration', () => {
    const sku = param('appServicePlanSku');
    expect(sku.defaultValue).toBe("'B1'");
    expect(sku.allowed?.length).toBeGreaterThan(0);
    for (const s of sku.allowed ?? []) expect(s).toMatch(/^(B|S|P)\d/);
    for (const below of ['F1', 'D1', 'FREE', 'SHARED', 'Y1']) expect(sku.allowed).not.toContain(below);
  });

  it('carries ADMIN_API_TOKEN as an optional secure parameter through Key Vault, so a provision keeps it', () => {
    expect(param('adminApiToken').defaultValue).toBe("''");
    expect(varValue(bicep, 'adminApiEnabled')).toBe("!empty(adminApiToken) && adminApiToken != 'off'");
    const secret = resources(bicep).find(
      (r) => r.type === 'Microsoft.KeyVault/vaults/secrets' && r.body.includes('name: adminApiTokenSecretName'),
    );
    expect(secret?.condition).toBe('adminApiEnabled');
    // With the token the admin API is on in production; without it the setting is absent (API off).
    expect(loadConfig(productionEnv('UserAssignedMSI', true)).ADMIN_API_TOKEN).toBeDefined();
    expect(loadConfig(productionEnv('UserAssignedMSI', false)).ADMIN_API_TOKEN).toBeUndefined();
  });

  it('requires the tenant allow-list and first admins, and ties the bot to the subscription tenant', () => {
    for (const name of ['allowedTenantIds', 'adminAadObjectIds']) {
      expect(param(name).defaultValue).toBeUndefined();
      // A GUID is 36 characters: an empty value or a placeholder is refused by Azure Resource Manager.
      expect(param(name).decorators).toContain('@minLength(36)');
    }
    expect(param('allowedTenantIds').decorators.join(' ')).toMatch(/tenant of this subscription/);
    expect(settingsOf('appSettings').find((s) => s.name === 'MICROSOFT_APP_TENANT_ID')?.value).toBe(
      'subscription().tenantId',
    );
    expect(deployDoc).toMatch(/same Entra tenant/i);
  });

  it('says that Bicep, not the app, creates the containers', () => {
    const readme = readRepoFile('README.md');
    expect(readme).not.toMatch(/containers are created at start-up/i);
    expect(readme).toMatch(/infra\/azure\.bicep creates the database and containers/);
  });
});
