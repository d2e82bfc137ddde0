// The two Storage accounts: one for the Functions runtime (Durable task hub, deployment package) and one
// for call history, so history reads and writes never compete with the task hub's queues and tables.

@description('Azure region of the resources.')
param location string

@description('Globally unique name of the Functions runtime storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param runtimeAccountName string

@description('Globally unique name of the call-history storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param historyAccountName string

@description('Blob container that holds the function app deployment package (Flex Consumption).')
param deploymentContainerName string

@description('Days a call recording is kept in the call-history account\'s recordings container before the lifecycle rule deletes it.')
@minValue(1)
@maxValue(3650)
param recordingRetentionDays int

@description('Blob container (call-history account) that LiveKit egress writes call recordings to.')
param recordingsContainerName string = 'recordings'

param tags object

resource runtime 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: runtimeAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The function app reaches this account with its managed identity only.
    allowSharedKeyAccess: false
  }
}

resource runtimeBlobs 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: runtime
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: runtimeBlobs
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource history 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: historyAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The call-history code takes a connection string (kept in Key Vault, never in app settings).
    allowSharedKeyAccess: true
  }
}

resource historyBlobs 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: history
  name: 'default'
}

// Private: recordings are read only through short-lived SAS links from GET /api/calls/{id}/recording.
resource recordingsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: historyBlobs
  name: recordingsContainerName
  properties: { publicAccess: 'None' }
}

// Retention: recordings are deleted this many days after they were written.
resource recordingRetention 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: history
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-call-recordings'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${recordingsContainerName}/']
            }
            actions: {
              baseBlob: {
                delete: { daysAfterCreationGreaterThan: recordingRetentionDays }
              }
            }
          }
        }
      ]
    }
  }
}

output runtimeAccountName string = runtime.name
output historyAccountName string = history.name
output deploymentContainerUrl string = '${runtime.properties.primaryEndpoints.blob}${deploymentContainer.name}'
