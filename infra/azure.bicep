// Fremdrift in Azure: one resource group, EU region, no keys, health data off the public internet.
//
//   user-assigned managed identity ──► Cosmos DB (data-plane RBAC, local auth off, private endpoint)
//                                 ├──► Key Vault (secrets via Key Vault references, private endpoint)
//                                 ├──► Application Insights (Entra-authenticated ingestion only)
//                                 └──► Azure Bot (UserAssignedMSI) ──► Teams channel
//   App Service (Linux, Node 22 LTS) runs `node dist/bot/main.js` with that identity; its outbound
//   traffic goes through a virtual network that reaches Cosmos DB and Key Vault by private endpoints.
//   Log Analytics receives logs, metrics and diagnostics; alert rules mail the operators.
//
// Deployed by the Agents Toolkit (teamsapp.yml, arm/deploy) or by hand (docs/deploy.md):
//   az deployment group create -g <group> -n fremdrift<env>-resources -f infra/azure.bicep -p ...
// The container list below must match bot/store/containers.ts (test/deployment checks it).
// Style: one property per line, no quotes inside ${...}: test/deployment/bicep-reader.ts reads this file.

@description('Prefix of every resource name, including the environment (e.g. fremdriftdev): lower-case letters and digits, 3-16 characters, starting with a letter.')
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

@description('How the bot authenticates to the Bot Framework. UserAssignedMSI needs no secret; SingleTenant uses an Entra app registration with a client secret. Both only serve the Entra tenant of this subscription. (New multi-tenant bots can no longer be created.)')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: client id of the bot\'s Entra app registration (in the tenant of this subscription). Ignored for UserAssignedMSI.')
param botAppId string = ''

@description('SingleTenant only: client secret of that app registration (stored in Key Vault).')
@secure()
param botAppPassword string = ''

@description('Required. The Entra tenant id of the municipality, which must be the tenant of this subscription (a UserAssignedMSI or SingleTenant bot only works there). Comma-separate more ids only for tenants that reach this bot another way.')
@minLength(36)
param allowedTenantIds string

@description('Required. Comma-separated Entra object ids of the first Fremdrift admins (they grant every other role).')
@minLength(36)
param adminAadObjectIds string

@description('HMAC key behind hashed case refs in logs, at least 32 characters. Keep it stable: changing it breaks log correlation.')
@secure()
@minLength(32)
param caseRefHashKey string

@description('Bearer secret for POST /api/digests/run, at least 32 characters.')
@secure()
@minLength(32)
param digestRunToken string

@description('Bearer secret for the DPO\'s admin API (GET /api/admin/...), at least 32 characters. Empty or off: the admin API stays off.')
@secure()
param adminApiToken string = ''

@description('Required. E-mail address (an operations mailbox) that receives the alerts: health check failing, 5xx answers, Cosmos DB 403/429, failed digest runs.')
@minLength(6)
param alertEmailAddress string

@description('Private (default): Cosmos DB and Key Vault are reachable only through private endpoints in a virtual network the app is integrated with. Public: both accept connections from the internet (Entra auth still required); for a short trial only, see docs/deploy.md.')
@allowed([
  'Private'
  'Public'
])
param networkAccess string = 'Private'

@description('Private only: address space of the virtual network (must not overlap networks it is ever peered with).')
param vnetAddressPrefix string = '10.42.0.0/24'

@description('Private only: subnet delegated to App Service for outbound traffic (/26 or larger recommended).')
param appSubnetPrefix string = '10.42.0.0/26'

@description('Private only: subnet of the private endpoints.')
param privateEndpointSubnetPrefix string = '10.42.0.64/27'

@description('Cosmos DB capacity: Serverless (pay per request, the default) or Provisioned (autoscale throughput shared by the containers).')
@allowed([
  'Serverless'
  'Provisioned'
])
param cosmosCapacityMode string = 'Serverless'

@description('Provisioned only: autoscale maximum RU/s shared by all containers (scales between 10 % and 100 %).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('App Service plan size: Basic or higher (Always On keeps the in-process scheduler running; virtual network integration needs Basic or higher).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
  'P1mv3'
  'P2mv3'
])
param appServicePlanSku string = 'B1'

@description('Days Log Analytics keeps operational logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Bot name shown in the Azure portal.')
param botDisplayName string = 'Fremdrift'

var suffix = uniqueString(resourceGroup().id)
var baseName = toLower(resourceBaseName)
var baseNameAlnum = replace(baseName, '-', '')
var identityName = '${baseName}-identity'
var planName = '${baseName}-plan'
var webAppName = '${baseName}-${suffix}'
var cosmosAccountName = '${baseName}-cosmos-${suffix}'
// Vault names are global, 3-24 characters, and stay reserved for 90 days after a delete (purge
// protection): the environment's base name keeps two environments apart, and docs/deploy.md says
// how to recover a deleted vault instead of waiting.
var keyVaultName = take('kv${baseNameAlnum}${suffix}', 24)
var logsName = '${baseName}-logs'
var appInsightsName = '${baseName}-insights'
var botServiceName = '${baseName}-bot-${suffix}'
var vnetName = '${baseName}-vnet'
var appSubnetName = 'app'
var privateEndpointSubnetName = 'private-endpoints'
var actionGroupName = '${baseName}-operators'

var isMsi = botAppType == 'UserAssignedMSI'
var isServerless = cosmosCapacityMode == 'Serverless'
var isPrivate = networkAccess == 'Private'
var publicNetworkAccess = isPrivate ? 'Disabled' : 'Enabled'
var adminApiEnabled = !empty(adminApiToken) && adminApiToken != 'off'

// Built-in role and policy ids (the same in every tenant).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'
var cosmosLocalAuthDisabledPolicyId = '5450f5bd-9c72-4390-a9c4-a7aba4edfdd2'

var caseRefHashKeySecretName = 'case-ref-hash-key'
var digestRunTokenSecretName = 'digest-run-token'
var botAppPasswordSecretName = 'bot-app-password'
var adminApiTokenSecretName = 'admin-api-token'

var appSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', vnetName, appSubnetName)
var privateEndpointSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', vnetName, privateEndpointSubnetName)

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
    // No ingestion by instrumentation key: only Entra tokens of identities with Monitoring Metrics Publisher.
    DisableLocalAuth: true
  }
}

// "Monitoring Metrics Publisher" on this component only: the app's identity may send telemetry, nothing else.
resource appInsightsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------- network (Private only)

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = if (isPrivate) {
  name: vnetName
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetAddressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          // The app still calls the Bot Framework, Entra ID and Azure Monitor on the internet; put a
          // NAT gateway or firewall on this subnet if the municipality controls egress.
          defaultOutboundAccess: true
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

// Zone names from "Azure Private Endpoint private DNS zone values" (Cosmos DB for NoSQL: Sql; Key Vault: vault).
var privateDnsZones = [
  {
    key: 'cosmos'
    zone: 'privatelink.documents.azure.com'
  }
  {
    key: 'vault'
    zone: 'privatelink.vaultcore.azure.net'
  }
]

resource dnsZones 'Microsoft.Network/privateDnsZones@2020-06-01' = [for z in privateDnsZones: if (isPrivate) {
  name: z.zone
  location: 'global'
}]

resource dnsZoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = [for (z, i) in privateDnsZones: if (isPrivate) {
  parent: dnsZones[i]
  name: '${vnetName}-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: resourceId('Microsoft.Network/virtualNetworks', vnetName)
    }
  }
  dependsOn: [
    vnet
  ]
}]

resource cosmosPrivateEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = if (isPrivate) {
  name: '${cosmosAccountName}-pe'
  location: location
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'cosmos-sql'
        properties: {
          privateLinkServiceId: cosmos.id
          groupIds: [
            'Sql'
          ]
        }
      }
    ]
  }
  dependsOn: [
    vnet
  ]
}

resource cosmosPrivateDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = if (isPrivate) {
  parent: cosmosPrivateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'cosmos'
        properties: {
          privateDnsZoneId: dnsZones[0].id
        }
      }
    ]
  }
}

resource keyVaultPrivateEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = if (isPrivate) {
  name: '${keyVaultName}-pe'
  location: location
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'key-vault'
        properties: {
          privateLinkServiceId: keyVault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
  dependsOn: [
    vnet
  ]
}

resource keyVaultPrivateDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = if (isPrivate) {
  parent: keyVaultPrivateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'vault'
        properties: {
          privateDnsZoneId: dnsZones[1].id
        }
      }
    ]
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
    publicNetworkAccess: publicNetworkAccess
    networkAclBypass: 'None'
    // Point-in-time restore of any second of the last 7 days (the 7-day tier has no storage charge).
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
  }
}

// Deleting the account (or its resource group) needs this lock removed first: a deliberate, logged act.
resource cosmosDeleteLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'keep-case-data'
  scope: cosmos
  properties: {
    level: 'CanNotDelete'
    notes: 'Fremdrift case data (GDPR art. 9). Remove this lock only to delete the data on purpose; see docs/deploy.md.'
  }
}

// Azure Policy refuses any Cosmos DB account in this resource group that would accept keys again.
resource cosmosLocalAuthPolicy 'Microsoft.Authorization/policyAssignments@2022-06-01' = {
  name: '${baseName}-deny-cosmos-keys'
  properties: {
    displayName: 'Fremdrift: Cosmos DB accounts must have local (key) authentication disabled'
    policyDefinitionId: tenantResourceId('Microsoft.Authorization/policyDefinitions', cosmosLocalAuthDisabledPolicyId)
    enforcementMode: 'Default'
    parameters: {
      effect: {
        value: 'Deny'
      }
    }
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
    // Secrets below are written through Azure Resource Manager, which the vault's network rules do not block.
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      defaultAction: isPrivate ? 'Deny' : 'Allow'
      bypass: 'None'
    }
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

resource adminApiTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (adminApiEnabled) {
  parent: keyVault
  name: adminApiTokenSecretName
  properties: {
    value: adminApiToken
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
    // Outbound traffic through the virtual network, where Cosmos DB and Key Vault have private endpoints.
    // Inbound stays public: the Bot Framework delivers Teams activities from the internet (signed tokens).
    virtualNetworkSubnetId: isPrivate ? appSubnetId : null
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Linux apps resolve Key Vault references through private endpoints only with all traffic routed.
      vnetRouteAllEnabled: isPrivate
    }
  }
  dependsOn: [
    vnet
  ]
}

// No username/password publishing: deployments authenticate with Entra ID (the Toolkit's zip deploy and
// `az webapp deploy` do; TEAMSFX_AAD_DEPLOY_ONLY in env/.env.* stops the Toolkit falling back).
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
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
  ALLOWED_TENANT_IDS: allowedTenantIds
  ADMIN_AAD_OBJECT_IDS: adminAadObjectIds
  DIGEST_RUN_TOKEN: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${digestRunTokenSecretName})'
  CASE_REF_HASH_KEY: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${caseRefHashKeySecretName})'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
  LOG_LEVEL: 'info'
}

// Added only for a SingleTenant bot registration.
var singleTenantSettings = {
  MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${botAppPasswordSecretName})'
}

// Added only when adminApiToken is given. The template owns every app setting: a value typed into the
// portal would be gone after the next provision, so the token lives here and in Key Vault.
var adminApiSettings = {
  ADMIN_API_TOKEN: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${adminApiTokenSecretName})'
}

resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(appSettings, isMsi ? {} : singleTenantSettings, adminApiEnabled ? adminApiSettings : {})
  dependsOn: [
    caseRefHashKeySecret
    digestRunTokenSecret
    botAppPasswordSecret
    adminApiTokenSecret
    keyVaultSecretsUser
    appInsightsPublisher
    cosmosDataContributor
    cosmosContainerResources
    cosmosPrivateDns
    keyVaultPrivateDns
    dnsZoneLinks
  ]
}

// ---------------------------------------------------------------- Azure Bot

module botRegistration './botRegistration/azurebot.bicep' = {
  name: '${baseName}-bot-registration'
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
    metrics: [
      {
        category: 'AllMetrics'
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
    metrics: [
      {
        category: 'Requests'
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
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------- alerts

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  properties: {
    groupShortName: 'fremdrift'
    enabled: true
    emailReceivers: [
      {
        name: 'operations-mailbox'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

// Metric alerts on platform metrics: no personal data in them, and they fire even if the app logs nothing.
var metricAlertRules = [
  {
    name: 'health-check-failing'
    description: 'The /healthz check fails on an instance (the app or its Cosmos DB connection is down).'
    severity: 1
    scope: webApp.id
    metricNamespace: 'Microsoft.Web/sites'
    metricName: 'HealthCheckStatus'
    operator: 'LessThan'
    threshold: 100
    timeAggregation: 'Average'
    dimensions: []
  }
  {
    name: 'http-5xx'
    description: 'The app answers with server errors (5xx).'
    severity: 2
    scope: webApp.id
    metricNamespace: 'Microsoft.Web/sites'
    metricName: 'Http5xx'
    operator: 'GreaterThan'
    threshold: 5
    timeAggregation: 'Total'
    dimensions: []
  }
  {
    name: 'cosmos-403'
    description: 'Cosmos DB refuses requests (403): a missing data-plane role, or a network rule.'
    severity: 1
    scope: cosmos.id
    metricNamespace: 'Microsoft.DocumentDB/databaseAccounts'
    metricName: 'TotalRequests'
    operator: 'GreaterThan'
    threshold: 0
    timeAggregation: 'Count'
    dimensions: [
      {
        name: 'StatusCode'
        operator: 'Include'
        values: [
          '403'
        ]
      }
    ]
  }
  {
    name: 'cosmos-429'
    description: 'Cosmos DB throttles requests (429): capacity is exhausted.'
    severity: 2
    scope: cosmos.id
    metricNamespace: 'Microsoft.DocumentDB/databaseAccounts'
    metricName: 'TotalRequests'
    operator: 'GreaterThan'
    threshold: 10
    timeAggregation: 'Count'
    dimensions: [
      {
        name: 'StatusCode'
        operator: 'Include'
        values: [
          '429'
        ]
      }
    ]
  }
]

resource metricAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [for rule in metricAlertRules: {
  name: '${baseName}-${rule.name}'
  location: 'global'
  properties: {
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      rule.scope
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: rule.name
          metricNamespace: rule.metricNamespace
          metricName: rule.metricName
          operator: rule.operator
          threshold: rule.threshold
          timeAggregation: rule.timeAggregation
          dimensions: rule.dimensions
        }
      ]
    }
    actions: [
      {
        actionGroupId: operators.id
      }
    ]
  }
}]

// The digest job logs these two messages (bot/features/digest); App Service ships stdout to the workspace.
resource digestFailedAlert 'Microsoft.Insights/scheduledQueryRules@2021-08-01' = {
  name: '${baseName}-digest-failed'
  location: location
  kind: 'LogAlert'
  properties: {
    displayName: 'Fremdrift: a digest run failed or a digest could not be delivered'
    severity: 2
    enabled: true
    scopes: [
      logs.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    // The table fills only once the app has logged; do not fail a first deployment on an empty workspace.
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: 'AppServiceConsoleLogs | where ResultDescription has_any ("Digest run failed", "Digest could not be delivered")'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        operators.id
      ]
    }
  }
  dependsOn: [
    webAppDiagnostics
  ]
}

// ---------------------------------------------------------------- outputs (written to env/.env.<environment>)

output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_ID string = botId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_SERVICE_NAME string = botRegistration.outputs.botServiceName
output COSMOS_ACCOUNT_NAME string = cosmos.name
output KEY_VAULT_NAME string = keyVault.name
