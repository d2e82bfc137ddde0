// Key Vault with the deployment's secrets. Readers get them through RBAC (Key Vault Secrets User) on their
// managed identity; the function app sees them only as Key Vault references, never as plain app settings.

@description('Azure region of the resources.')
param location string

@description('Globally unique Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Name of the call-history storage account whose connection string is stored as a secret.')
param historyAccountName string

@secure()
@description('LiveKit API secret.')
param liveKitApiSecret string

@secure()
@description('SIP digest password the MediaHost requires from LiveKit SIP (the outbound trunk\'s auth password).')
param sipAuthPassword string

@description('SIP digest user name that goes with sipAuthPassword.')
param sipAuthUsername string

@secure()
@description('URL the control plane posts health alerts to.')
param alertWebhookUrl string

@secure()
@description('Secret with which the MediaHost signs its call events to the control plane.')
param agentEventsSecret string

@secure()
@description('Key of the operators\' calls/health HTTP API.')
param callsApiKey string

@description('Names of the secrets, by role (from infra.bicep, so readers and writers agree).')
param secretNames object

param tags object

resource history 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: historyAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource liveKitApiSecretEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.liveKitApiSecret
  properties: { value: liveKitApiSecret }
}

resource sipUsernameEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.sipAuthUsername
  properties: { value: sipAuthUsername }
}

resource sipPasswordEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.sipAuthPassword
  properties: { value: sipAuthPassword }
}

resource alertWebhookEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.alertWebhookUrl
  properties: { value: alertWebhookUrl }
}

resource agentEventsSecretEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.agentEventsSecret
  properties: { value: agentEventsSecret }
}

resource callsApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.callsApiKey
  properties: { value: callsApiKey }
}

resource historyConnectionEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.callHistoryStorage
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${history.name};AccountKey=${history.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// LiveKit's egress uploads recordings with the account key (its Azure upload takes no identity), and the function app
// signs recording links with it; never an app setting in plain text.
resource recordingKeyEntry 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.recordingAccountKey
  properties: {
    value: history.listKeys().keys[0].value
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
