// The control plane: a .NET isolated function app on the Flex Consumption plan (FC1). It reaches its runtime
// storage and Key Vault with its system-assigned managed identity; secrets arrive as Key Vault references.

@description('Azure region of the resources.')
param location string

@description('Function app name (also the host name: <name>.azurewebsites.net).')
param functionAppName string

@description('Functions runtime storage account (task hub, deployment package).')
param runtimeAccountName string

@description('URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('Application Insights component the app reports to.')
param appInsightsName string

@description('Key Vault holding the secrets.')
param vaultName string

@description('Names of the Key Vault secrets, by role.')
param secretNames object

@description('Always-ready instances for the HTTP functions: a webhook must never wait for a cold start.')
@minValue(1)
param alwaysReadyHttpInstances int

@description('Upper bound of instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of one instance in MB (Flex Consumption: 512, 2048 or 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('LiveKit server URL.')
param liveKitUrl string

@description('LiveKit API key.')
param liveKitApiKey string

@description('The MediaHost health endpoint the HealthCheck timer polls.')
param mediaHostHealthUrl string

@description('LiveKit SIP outbound trunk that points at the MediaHost.')
param outboundTrunkId string

@description('SIP user the dispatch dials at the MediaHost.')
param mediaHostSipUser string

@description('Key id of the MediaHost\'s signed call events.')
param agentEventsKeyId string

@description('Where a caller goes when the agent never answers (sip:/sips:/tel: URI); empty to end the call.')
param humanTransferTo string

@description('Record calls to the recordings container of the call-history account.')
param recordCalls bool

@description('The call-history storage account, which holds the recordings container.')
param historyAccountName string

@description('Blob container of the call recordings (private; the lifecycle rule deletes them after the retention days).')
param recordingsContainerName string = 'recordings'

@description('NCRONTAB schedules of the timers: healthCheck, reconciliation, purge.')
param schedules object

param tags object

// Built-in role definition ids.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource runtime 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: runtimeAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: vaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${functionAppName}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

// Every app setting is listed literally (a test reads them from the compiled template and compares them with
// Shared/Contracts/Configuration/ControlPlaneSettings.cs). A secret is a Key Vault reference, resolved by the platform
// with the app's managed identity.
var appSettings = [
  // Identity-based connection to the runtime storage (no account key anywhere).
  { name: 'AzureWebJobsStorage__accountName', value: runtime.name }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
  { name: 'LiveKit__Url', value: liveKitUrl }
  { name: 'LiveKit__ApiKey', value: liveKitApiKey }
  { name: 'LiveKit__ApiSecret', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.liveKitApiSecret})' }
  { name: 'CallStore__ConnectionString', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.callHistoryStorage})' }
  { name: 'AgentDispatch__OutboundTrunkId', value: outboundTrunkId }
  { name: 'AgentDispatch__MediaHostSipUser', value: mediaHostSipUser }
  { name: 'AgentEvents__KeyId', value: agentEventsKeyId }
  { name: 'AgentEvents__Secret', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.agentEventsSecret})' }
  { name: 'Health__MediaHostHealthUrl', value: mediaHostHealthUrl }
  { name: 'Health__AlertWebhookUrl', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.alertWebhookUrl})' }
  { name: 'Api__Keys__ops', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.callsApiKey})' }
  { name: 'Calls__HumanTransferTo', value: humanTransferTo }
  { name: 'Recording__Enabled', value: string(recordCalls) }
  { name: 'Recording__BlobServiceUri', value: 'https://${historyAccountName}.blob.${environment().suffixes.storage}' }
  { name: 'Recording__AccountName', value: historyAccountName }
  { name: 'Recording__ContainerName', value: recordingsContainerName }
  { name: 'Recording__AccountKey', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.recordingAccountKey})' }
  { name: 'HealthCheckSchedule', value: schedules.healthCheck }
  { name: 'ReconciliationSchedule', value: schedules.reconciliation }
  { name: 'PurgeSchedule', value: schedules.purge }
]

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // 'http' is the group of all HTTP-triggered functions (LiveKitWebhook, AgentEvents, the API).
        alwaysReady: [
          { name: 'http', instanceCount: alwaysReadyHttpInstances }
        ]
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

resource runtimeRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
  name: guid(runtime.id, site.id, role)
  scope: runtime
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, site.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
