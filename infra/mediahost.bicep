// The MediaHost on Azure Container Instances: SIP over UDP and TCP, a small RTP range and the HTTP port,
// on a public IP with a DNS label.
//
// ACI exposes at most 5 ports per IP address (a hard limit that no quota request lifts). SIP takes two
// (5060/udp, 5060/tcp) and HTTP one (the liveness probe only: /metrics and the detailed health answer on the
// MediaHost's internal port 9090, which is not exposed), which leaves 2 UDP ports for media: one
// RTP/RTCP pair (even RTP port, odd RTCP port). The container is told to use exactly those ports
// (Rtp__PortMin/Rtp__PortMax), so each container group carries one call at a time. More calls: deploy more
// groups, or run the same image on AKS where the full range (20000-29999) can be exposed.

@description('Azure region of the resources.')
param location string

@description('Container group name.')
param name string

@description('DNS label: the group answers at <label>.<region>.azurecontainer.io.')
param dnsNameLabel string

@description('MediaHost container image, e.g. myregistry.azurecr.io/voicefunctions-mediahost:1.0.0.')
param image string

@description('Registry login server for a private image; empty for a public image.')
param registryServer string

@description('Registry user name; empty for a public image.')
param registryUsername string

@secure()
@description('Registry password; empty for a public image.')
param registryPassword string

@description('CPU cores requested for the container (offline STT/TTS needs at least 1).')
@minValue(1)
@maxValue(4)
param cpuCores int

@description('Memory in GB requested for the container.')
@minValue(1)
@maxValue(16)
param memoryInGB int

@description('SIP port, UDP and TCP.')
param sipPort int

@description('Public HTTP port: the liveness probe only (/metrics is on the internal port, never exposed).')
param httpPort int

@description('First RTP port.')
param rtpPortStart int

@description('Number of RTP ports: one RTP/RTCP pair (ACI: 5 ports per IP - 2 for SIP - 1 for HTTP).')
@minValue(2)
@maxValue(2)
param rtpPortCount int

@description('Path of the liveness endpoint (200 while the process serves; draining does not fail it).')
param livenessPath string

@description('Restart policy of the container group.')
@allowed(['Always', 'OnFailure', 'Never'])
param restartPolicy string

@description('Plain environment variables, by name.')
param plainEnvironment object

@secure()
@description('Secret environment variables, by name (ACI secure values: not shown by the API or portal).')
param secureEnvironment object

@description('Log Analytics workspace that receives the container logs.')
param workspaceName string

@description('Application Insights component the MediaHost exports telemetry to.')
param appInsightsName string

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: workspaceName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var rtpPorts = [for i in range(0, rtpPortCount): { port: rtpPortStart + i, protocol: 'UDP' }]
var ports = concat([
  { port: sipPort, protocol: 'UDP' }
  { port: sipPort, protocol: 'TCP' }
  { port: httpPort, protocol: 'TCP' }
], rtpPorts)

var rtpEnvironment = {
  Rtp__PortMin: string(rtpPortStart)
  Rtp__PortMax: string(rtpPortStart + rtpPortCount - 1)
}
var plainVariables = [for variable in items(union(plainEnvironment, rtpEnvironment)): { name: variable.key, value: variable.value }]
var secretVariables = [for variable in items(secureEnvironment): { name: variable.key, secureValue: variable.value }]
var telemetryVariables = [{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secureValue: appInsights.properties.ConnectionString }]

resource group 'Microsoft.ContainerInstance/containerGroups@2025-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    osType: 'Linux'
    sku: 'Standard'
    restartPolicy: restartPolicy
    ipAddress: {
      type: 'Public'
      dnsNameLabel: dnsNameLabel
      ports: ports
    }
    imageRegistryCredentials: empty(registryServer) ? [] : [
      {
        server: registryServer
        username: registryUsername
        password: registryPassword
      }
    ]
    diagnostics: {
      logAnalytics: {
        workspaceId: workspace.properties.customerId
        workspaceKey: workspace.listKeys().primarySharedKey
        logType: 'ContainerInstanceLogs'
      }
    }
    containers: [
      {
        name: 'mediahost'
        properties: {
          image: image
          resources: {
            requests: { cpu: cpuCores, memoryInGB: memoryInGB }
          }
          ports: ports
          environmentVariables: concat(plainVariables, secretVariables, telemetryVariables)
          livenessProbe: {
            httpGet: { path: livenessPath, port: httpPort, scheme: 'http' }
            initialDelaySeconds: 20
            periodSeconds: 10
            failureThreshold: 3
            timeoutSeconds: 5
          }
        }
      }
    ]
  }
}

output fqdn string = group.properties.ipAddress.fqdn
output ipAddress string = group.properties.ipAddress.ip
output id string = group.id
