// Brugbot in one resource group: a user-assigned managed identity, a Linux web app (Node) on an
// App Service plan, a storage account with a private blob container for the bot's state, a Key
// Vault for the one secret the code needs (a storage connection string) and an Azure Bot
// resource with the Teams channel. Deploy with `atk provision` (deploy/m365agents.yml) or
// `az deployment group create` (docs/deploy.md). Outputs in UPPER_CASE are written by the
// Agents Toolkit into deploy/env/.env.<env> and fill the ${{…}} placeholders of the app package.

@description('Short name used in every resource name: 3-20 lowercase letters, digits or hyphens.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Azure region for everything except the Azure Bot resource, which is global.')
param location string = resourceGroup().location

@description('App Service plan size. F1 is left out: it cannot keep the app warm (Always On), and Teams gives up on a bot that answers too slowly.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'B1'

@description('Linux runtime stack of the web app: Node 24 LTS, the runtime Brugbot is tested on (Node 20 is end-of-life).')
param linuxFxVersion string = 'NODE|24-lts'

@description('Name of the web app; its host name becomes BOT_DOMAIN. The suffix keeps it globally unique.')
@maxLength(60)
param webAppName string = 'app-${toLower(resourceBaseName)}-${take(uniqueString(resourceGroup().id), 6)}'

@description('Display name of the Azure Bot resource.')
@maxLength(42)
param botDisplayName string = 'Brugbot'

@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('How the bot authenticates. New multi-tenant registrations are deprecated. UserAssignedMSI needs no secret; SingleTenant uses an existing app registration (botAppId) and its client secret.')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: client id of the existing app registration in this tenant.')
param botAppId string = ''

@description('SingleTenant only: a client secret of that app registration.')
@secure()
param botAppPassword string = ''

@description('Optional client id of the app registration that exposes api://<BOT_DOMAIN>/<id> for tab single sign-on. Empty means the bot id, which only works for SingleTenant: a managed identity cannot expose an API.')
param tabSsoAppId string = ''

@description('true: secrets live in Key Vault and app settings hold Key Vault references (needs permission to create role assignments). false: secrets are written straight into the app settings.')
param useKeyVault bool = true

@description('Which storage account key the connection string uses (0 = key1, 1 = key2). Flip it to rotate keys without downtime; see docs/deploy.md.')
@allowed([0, 1])
param storageKeyIndex int = 0

@description('Redundancy of the storage account.')
@allowed(['Standard_LRS', 'Standard_ZRS'])
param storageSku string = 'Standard_LRS'

@description('Private blob container for the bot\'s state (AZURE_STORAGE_CONTAINER).')
@minLength(3)
@maxLength(63)
param blobContainerName string = 'brugbot'

@description('Days a deleted or overwritten blob stays recoverable (blob soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('RETENTION_DAYS passed to the app.')
@minValue(1)
param retentionDays int = 365

@description('ALLOWED_TENANTS: the Entra tenants (comma-separated ids) whose activities, tab sign-ins and plans the bot accepts. Defaults to the tenant you deploy into; add a partner tenant only on purpose.')
@minLength(36)
param allowedTenants string = tenant().tenantId

@description('Extra app settings as name/string pairs, e.g. the STEERING_* variables or a PUBLIC_BASE_URL for a custom domain; they override the defaults. Every deployment replaces all app settings, so settings kept here survive a redeploy and hand-made ones do not.')
param additionalAppSettings object = {}

@description('Tags applied to every resource.')
param tags object = {}

var isManagedIdentityBot = botAppType == 'UserAssignedMSI'
var uniqueSuffix = uniqueString(resourceGroup().id)
var compactBaseName = replace(toLower(resourceBaseName), '-', '')
var storageAccountName = take('st${compactBaseName}${uniqueSuffix}', 24)
var keyVaultName = take('kv${compactBaseName}${uniqueSuffix}', 24)
var botClientId = isManagedIdentityBot ? identity.properties.clientId : botAppId

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${toLower(resourceBaseName)}'
  location: location
  tags: tags
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: storageSku }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // The bot reads AZURE_STORAGE_CONNECTION_STRING, which carries an account key, so shared key
    // access must stay on. Switching the code to managed identity would allow turning it off.
    allowSharedKeyAccess: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: blobSoftDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: blobSoftDeleteDays }
  }
}

resource blobContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: blobContainerName
  properties: { publicAccess: 'None' }
}

// Key Vault holds the storage connection string (and the SingleTenant client secret). The web
// app resolves them through Key Vault references with the managed identity, so the values never
// appear in the app settings or in the deployment history.
module secrets 'modules/key-vault.bicep' = if (useKeyVault) {
  name: 'brugbot-key-vault'
  params: {
    keyVaultName: keyVaultName
    location: location
    tags: tags
    readerPrincipalId: identity.properties.principalId
    storageAccountName: storageAccount.name
    storageKeyIndex: storageKeyIndex
    botAppPassword: isManagedIdentityBot ? '' : botAppPassword
  }
}

resource appServicePlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${toLower(resourceBaseName)}'
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: appServicePlanSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: appServicePlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'npm start'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // The bot answers 503 here when its storage is unreachable, which App Service reports.
      healthCheckPath: '/healthz'
    }
  }
}

// Every expression stays on one line (older Bicep CLIs cannot split a ternary over lines), so
// the pieces are named first and combined after.
var storageConnectionReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=storage-connection-string)'
var storageConnectionDirect = 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[storageKeyIndex].value};EndpointSuffix=${environment().suffixes.storage}'
var botPasswordReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=bot-app-password)'
var botPasswordSetting = useKeyVault ? botPasswordReference : botAppPassword
var passwordSettings = isManagedIdentityBot ? {} : { MicrosoftAppPassword: botPasswordSetting }

// The names src/config reads. Set in a separate resource so PUBLIC_BASE_URL can use the host
// name Azure assigned to the site.
var appSettings = {
  MicrosoftAppType: botAppType
  MicrosoftAppId: botClientId
  MicrosoftAppTenantId: tenant().tenantId
  // Only these tenants may use the bot (issue 28): never another organisation by default.
  ALLOWED_TENANTS: allowedTenants
  STORAGE: 'blob'
  AZURE_STORAGE_CONNECTION_STRING: useKeyVault ? storageConnectionReference : storageConnectionDirect
  AZURE_STORAGE_CONTAINER: blobContainer.name
  RETENTION_DAYS: string(retentionDays)
  PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
  // The plan tab checks Teams SSO tokens against this app registration; a managed identity
  // cannot expose an api:// scope, so it is a separate registration unless the bot is SingleTenant.
  TAB_SSO_APP_ID: empty(tabSsoAppId) ? botClientId : tabSsoAppId
  // Build on the server (Oryx: npm install + npm run build): better-sqlite3 is a native
  // module and must be compiled for App Service's Linux, not for the machine that deploys.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
}

// All app settings at once: a deployment replaces settings that are not listed here.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(appSettings, passwordSettings, additionalAppSettings)
  // The Key Vault references resolve only once the identity may read the vault.
  dependsOn: [secrets]
}

// Deployments authenticate with Entra ID (Agents Toolkit, az webapp deploy); no FTP or
// publish-profile passwords exist that could leak.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: { allow: false }
}

module bot 'modules/azure-bot.bicep' = {
  name: 'brugbot-azure-bot'
  params: {
    botName: 'bot-${toLower(resourceBaseName)}-${take(uniqueSuffix, 6)}'
    displayName: botDisplayName
    sku: botSku
    tags: tags
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: botAppType
    msaAppId: botClientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: isManagedIdentityBot ? identity.id : ''
  }
}

output BOT_ID string = botClientId
output BOT_TENANT_ID string = tenant().tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}/api/messages'
output BOT_SERVICE_NAME string = bot.outputs.botName
output TAB_SSO_APP_ID string = empty(tabSsoAppId) ? botClientId : tabSsoAppId
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output STORAGE_ACCOUNT_NAME string = storageAccount.name
// Not empty when unused: the Agents Toolkit writes an empty output as "[object Object]".
output KEY_VAULT_NAME string = useKeyVault ? keyVaultName : 'not-deployed'
