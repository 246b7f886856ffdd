// Azure Bot resource (the Bot Framework registration) with the Microsoft Teams channel.
// Web Chat needs no resource: every Azure Bot has that channel built in.

@description('Globally unique bot handle.')
@minLength(2)
@maxLength(64)
param botName string

@maxLength(42)
param displayName string

@allowed(['F0', 'S1'])
param sku string

param tags object

@description('Messaging endpoint: https://<web app>/api/messages.')
param endpoint string

@allowed(['UserAssignedMSI', 'SingleTenant'])
param msaAppType string

@description('Client id of the managed identity or of the SingleTenant app registration.')
param msaAppId string

param msaAppTenantId string

@description('Resource id of the user-assigned managed identity; empty for SingleTenant.')
param msaAppMSIResourceId string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  // The documented default. A regional (EU) bot is a separate data-residency decision, left out
  // here; docs/deploy.md says what this means for data in transit.
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  tags: tags
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: msaAppType
    msaAppId: msaAppId
    msaAppTenantId: msaAppTenantId
    msaAppMSIResourceId: empty(msaAppMSIResourceId) ? null : msaAppMSIResourceId
    publicNetworkAccess: 'Enabled'
  }
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
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output botName string = botService.name
