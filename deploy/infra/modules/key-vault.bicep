// Key Vault with the secrets the web app reads through Key Vault references, and read access
// for the web app's managed identity. Connection strings are built here, next to listKeys(),
// so no secret travels through module parameters or outputs (both show in deployment history).

@description('Globally unique vault name: 3-24 letters and digits.')
@minLength(3)
@maxLength(24)
param keyVaultName string

param location string
param tags object

@description('Principal id of the managed identity that may read the secrets.')
param readerPrincipalId string

@description('Storage account (same resource group) whose key goes into the connection string.')
param storageAccountName string

@description('0 = key1, 1 = key2.')
@allowed([0, 1])
param storageKeyIndex int

@description('Client secret of a SingleTenant bot app registration; empty for UserAssignedMSI.')
@secure()
param botAppPassword string

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    // Azure RBAC instead of access policies: one role assignment, visible in IAM.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // App Service resolves Key Vault references over the public endpoint unless the web app
    // gets VNet integration; restrict networking together with that, not before.
    publicNetworkAccess: 'Enabled'
  }
}

resource storageConnectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'storage-connection-string'
  properties: {
    contentType: 'Azure Storage connection string'
    value: 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[storageKeyIndex].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: keyVault
  name: 'bot-app-password'
  properties: {
    contentType: 'Client secret of the bot app registration'
    value: botAppPassword
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, readerPrincipalId, secretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    // Set explicitly: a new identity may not have replicated yet, and ARM would reject it.
    principalType: 'ServicePrincipal'
  }
}

output keyVaultName string = keyVault.name
