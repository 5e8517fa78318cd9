// Fremdrift in Azure: one resource group, EU region, no keys.
//
//   user-assigned managed identity ──► Cosmos DB (data-plane RBAC, local auth off)
//                                 ├──► Key Vault (secrets via Key Vault references)
//                                 └──► Azure Bot (UserAssignedMSI) ──► Teams channel
//   App Service (Linux, Node 22 LTS) runs `node dist/bot/main.js` with that identity.
//   Application Insights + Log Analytics receive traces, metrics and diagnostics.
//
// Deployed by the Agents Toolkit (teamsapp.yml, arm/deploy) or by hand:
//   az deployment group create -g <group> -f infra/azure.bicep -p caseRefHashKey=... digestRunToken=...
// The container list below must match bot/store/containers.ts (test/deployment checks it).

@description('Prefix of every resource name: lower-case letters, digits and hyphens, 3-16 characters.')
@minLength(3)
@maxLength(16)
param resourceBaseName string = 'fremdrift'

@description('Azure region of every resource. Only EU regions are offered, so the data stays in the EU.')
@allowed([
  'swedencentral'
  'westeurope'
  'northeurope'
  'germanywestcentral'
  'francecentral'
])
param location string = 'swedencentral'

@description('How the bot authenticates to the Bot Framework. UserAssignedMSI needs no secret; SingleTenant uses an Entra app registration with a client secret. (New multi-tenant bots can no longer be created.)')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: client id of the bot\'s Entra app registration. Ignored for UserAssignedMSI.')
param botAppId string = ''

@description('SingleTenant only: client secret of that app registration (stored in Key Vault).')
@secure()
param botAppPassword string = ''

@description('Comma-separated Entra tenant ids the bot serves. Empty: the tenant of this subscription.')
param allowedTenantIds string = ''

@description('Comma-separated Entra object ids of the first Fremdrift admins (they grant every other role).')
param adminAadObjectIds string = ''

@description('HMAC key behind hashed case refs in logs, at least 32 characters. Keep it stable: changing it breaks log correlation.')
@secure()
@minLength(32)
param caseRefHashKey string

@description('Bearer secret for POST /api/digests/run, at least 32 characters.')
@secure()
@minLength(32)
param digestRunToken string

@description('Cosmos DB capacity: Serverless (pay per request, the default) or Provisioned (autoscale throughput shared by the containers).')
@allowed([
  'Serverless'
  'Provisioned'
])
param cosmosCapacityMode string = 'Serverless'

@description('Provisioned only: autoscale maximum RU/s shared by all containers (scales between 10 % and 100 %).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('App Service plan size. B1 or larger (Always On keeps the in-process scheduler running).')
param appServicePlanSku string = 'B1'

@description('Days Log Analytics keeps operational logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Bot name shown in the Azure portal.')
param botDisplayName string = 'Fremdrift'

var suffix = uniqueString(resourceGroup().id)
var baseName = toLower(resourceBaseName)
var identityName = '${baseName}-identity'
var planName = '${baseName}-plan'
var webAppName = '${baseName}-${suffix}'
var cosmosAccountName = '${baseName}-cosmos-${suffix}'
var keyVaultName = 'kv-${suffix}'
var logsName = '${baseName}-logs'
var appInsightsName = '${baseName}-insights'
var botServiceName = '${baseName}-bot-${suffix}'

var isMsi = botAppType == 'UserAssignedMSI'
var isServerless = cosmosCapacityMode == 'Serverless'
var allowedTenants = empty(allowedTenantIds) ? subscription().tenantId : allowedTenantIds

// Built-in role ids (the same in every tenant).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

var caseRefHashKeySecretName = 'case-ref-hash-key'
var digestRunTokenSecretName = 'digest-run-token'
var botAppPasswordSecretName = 'bot-app-password'

// ---------------------------------------------------------------- identity

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

var botId = isMsi ? identity.properties.clientId : botAppId

// ---------------------------------------------------------------- monitoring

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: logsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    // Client IP addresses are masked (the default), kept explicit for reviewers.
    DisableIpMasking: false
  }
}

// ---------------------------------------------------------------- Cosmos DB

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: isServerless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    // No keys: only Entra identities with a data-plane role can read or write.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

var cosmosDatabaseName = 'fremdrift'

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
    options: isServerless ? {} : {
      autoscaleSettings: {
        maxThroughput: cosmosAutoscaleMaxThroughput
      }
    }
  }
}

// Every property is indexed (queries filter and ORDER BY on single fields) except the system _etag.
var indexEverything = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [
    {
      path: '/*'
    }
  ]
  excludedPaths: [
    {
      path: '/"_etag"/?'
    }
  ]
}

// Turn state is only read by id; its payload is never queried.
var indexTurnStateById = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [
    {
      path: '/*'
    }
  ]
  excludedPaths: [
    {
      path: '/state/*'
    }
    {
      path: '/"_etag"/?'
    }
  ]
}

// The same names, partition keys and TTL as bot/store/containers.ts. defaultTtl -1 turns TTL on
// without a default (only items with their own `ttl` expire); no defaultTtl means TTL off.
// The app cannot create containers itself: data-plane RBAC does not allow management operations.
var cosmosContainers = [
  {
    id: 'cases'
    partitionKey: {
      paths: [
        '/caseRef'
      ]
      kind: 'Hash'
      version: 2
    }
    defaultTtl: -1
    indexingPolicy: indexEverything
  }
  {
    id: 'sensitive'
    partitionKey: {
      paths: [
        '/caseRef'
      ]
      kind: 'Hash'
      version: 2
    }
    defaultTtl: -1
    indexingPolicy: indexEverything
  }
  {
    id: 'directory'
    partitionKey: {
      paths: [
        '/tenantId'
      ]
      kind: 'Hash'
      version: 2
    }
    indexingPolicy: indexEverything
  }
  {
    id: 'runs'
    partitionKey: {
      paths: [
        '/tenantId'
      ]
      kind: 'Hash'
      version: 2
    }
    defaultTtl: -1
    indexingPolicy: indexEverything
  }
  {
    id: 'audit'
    partitionKey: {
      paths: [
        '/tenantId'
      ]
      kind: 'Hash'
      version: 2
    }
    defaultTtl: -1
    indexingPolicy: indexEverything
  }
  {
    id: 'botstate'
    partitionKey: {
      paths: [
        '/id'
      ]
      kind: 'Hash'
      version: 2
    }
    defaultTtl: -1
    indexingPolicy: indexTurnStateById
  }
]

resource cosmosContainerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for container in cosmosContainers: {
  parent: cosmosDatabase
  name: container.id
  properties: {
    resource: container
  }
}]

// "Cosmos DB Built-in Data Contributor": read and write items, read metadata; no account management.
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------------------------------------------------------------- Key Vault

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource caseRefHashKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: caseRefHashKeySecretName
  properties: {
    value: caseRefHashKey
  }
}

resource digestRunTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: digestRunTokenSecretName
  properties: {
    value: digestRunToken
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!isMsi) {
  parent: keyVault
  name: botAppPasswordSecretName
  properties: {
    value: botAppPassword
  }
}

// "Key Vault Secrets User": the app's identity may read secret values, nothing else.
resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------- App Service

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// Everything bot/config.ts requires in production (test/deployment checks this list against it).
var appSettings = {
  NODE_ENV: 'production'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  COSMOS_ENDPOINT: cosmos.properties.documentEndpoint
  COSMOS_DATABASE: cosmosDatabaseName
  COSMOS_MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
  MICROSOFT_APP_ID: botId
  MICROSOFT_APP_TYPE: botAppType
  MICROSOFT_APP_TENANT_ID: subscription().tenantId
  ALLOWED_TENANT_IDS: allowedTenants
  ADMIN_AAD_OBJECT_IDS: adminAadObjectIds
  DIGEST_RUN_TOKEN: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${digestRunTokenSecretName})'
  CASE_REF_HASH_KEY: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${caseRefHashKeySecretName})'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  LOG_LEVEL: 'info'
}

// Added only for a SingleTenant bot registration.
var singleTenantSettings = {
  MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${botAppPasswordSecretName})'
}

resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: isMsi ? appSettings : union(appSettings, singleTenantSettings)
  dependsOn: [
    caseRefHashKeySecret
    digestRunTokenSecret
    botAppPasswordSecret
    keyVaultSecretsUser
    cosmosDataContributor
    cosmosContainerResources
  ]
}

// ---------------------------------------------------------------- Azure Bot

module botRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: botServiceName
    botDisplayName: botDisplayName
    botAppType: botAppType
    botAppId: botId
    botTenantId: subscription().tenantId
    identityResourceId: identity.id
    botEndpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    logAnalyticsWorkspaceId: logs.id
  }
}

// ---------------------------------------------------------------- diagnostics

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
      {
        category: 'AppServiceAuditLogs'
        enabled: true
      }
    ]
  }
}

// Request-level logs without partition key statistics (those would list case refs).
resource cosmosDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: cosmos
  properties: {
    workspaceId: logs.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
    ]
  }
}

resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: keyVault
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------- outputs (written to env/.env.<environment>)

output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_ID string = botId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_SERVICE_NAME string = botRegistration.outputs.botServiceName
output COSMOS_ACCOUNT_NAME string = cosmos.name
output KEY_VAULT_NAME string = keyVault.name
