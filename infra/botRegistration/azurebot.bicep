// Registers the App Service endpoint as an Azure Bot and connects it to Microsoft Teams.
// The bot is "global" (Bot Service relays activities; it does not store conversations).

@maxLength(42)
param botServiceName string

param botDisplayName string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string

@description('UserAssignedMSI: the identity\'s client id. SingleTenant: the app registration\'s client id.')
param botAppId string

param botTenantId string

@description('Resource id of the user-assigned managed identity (used only for UserAssignedMSI).')
param identityResourceId string

@description('https://<app>/api/messages')
param botEndpoint string

param logAnalyticsWorkspaceId string

var botServiceProperties = union({
  displayName: botDisplayName
  endpoint: botEndpoint
  msaAppId: botAppId
  msaAppType: botAppType
  msaAppTenantId: botTenantId
}, botAppType == 'UserAssignedMSI' ? {
  msaAppMSIResourceId: identityResourceId
} : {})

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    // Teams is a standard channel: free on F0.
    name: 'F0'
  }
  properties: botServiceProperties
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

resource botDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: botService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'BotRequest'
        enabled: true
      }
    ]
  }
}

output botServiceName string = botService.name
