// The MediaHost on AKS, the target that carries many calls per instance: a node pool whose nodes each have a
// public IP, with SIP (5060 udp/tcp) and the whole RTP range (20000-29999/udp) open on it. The MediaHost runs
// there as a host-network DaemonSet (deploy/aks/), one instance per node, advertising its node's public IP.
// The SIP front door (Kamailio, deploy/aks/frontdoor.yaml) runs on a pool of its own: one node with a public IP and
// only SIP open; its dispatcher list follows the media nodes (deploy/kamailio/dispatcher-sync.sh), so scaling is
// adding media nodes (mediaNodeCount). The system pool runs cluster add-ons only; the media and front-door pools are
// tainted so nothing else lands on them.

@description('Azure region of the cluster.')
param location string

@description('Cluster name.')
param name string

@description('Kubernetes version; empty takes the region default.')
param kubernetesVersion string

@description('VM size of the media nodes (2 cores carry about 500 concurrent G.711 calls).')
param mediaNodeSize string

@description('Number of media nodes, one MediaHost each.')
@minValue(1)
@maxValue(100)
param mediaNodeCount int

@description('VM size of the front-door node (Kamailio relays signalling only: a small node carries hundreds of calls per second).')
param frontDoorNodeSize string

@description('SIP port, UDP and TCP, open on each media node and on the front-door node.')
param sipPort int

@description('First UDP port of the RTP range open on each media node.')
param rtpPortMin int

@description('Last UDP port (inclusive) of the RTP range open on each media node.')
param rtpPortMax int

@description('Log Analytics workspace that receives the container logs.')
param workspaceName string

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: workspaceName
}

resource cluster 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: name
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    kubernetesVersion: empty(kubernetesVersion) ? null : kubernetesVersion
    dnsPrefix: name
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 1
        vmSize: 'Standard_D2s_v5'
        osType: 'Linux'
      }
      {
        name: 'media'
        mode: 'User'
        count: mediaNodeCount
        vmSize: mediaNodeSize
        osType: 'Linux'
        // Each node is reachable on its own public IP: SIP and media go straight to the node (host network).
        enableNodePublicIP: true
        nodeLabels: { 'voicefunctions.io/role': 'media' }
        nodeTaints: [ 'voicefunctions.io/media=true:NoSchedule' ]
        networkProfile: {
          allowedHostPorts: [
            { protocol: 'UDP', portStart: sipPort, portEnd: sipPort }
            { protocol: 'TCP', portStart: sipPort, portEnd: sipPort }
            { protocol: 'UDP', portStart: rtpPortMin, portEnd: rtpPortMax }
          ]
        }
      }
      {
        name: 'frontdoor'
        mode: 'User'
        count: 1
        vmSize: frontDoorNodeSize
        osType: 'Linux'
        // The one SIP address of the media plane: the carrier's or LiveKit SIP's trunk points at this node's public IP.
        enableNodePublicIP: true
        nodeLabels: { 'voicefunctions.io/role': 'frontdoor' }
        nodeTaints: [ 'voicefunctions.io/frontdoor=true:NoSchedule' ]
        networkProfile: {
          allowedHostPorts: [
            { protocol: 'UDP', portStart: sipPort, portEnd: sipPort }
            { protocol: 'TCP', portStart: sipPort, portEnd: sipPort }
          ]
        }
      }
    ]
    addonProfiles: {
      omsagent: {
        enabled: true
        config: { logAnalyticsWorkspaceResourceID: workspace.id }
      }
    }
  }
}

output name string = cluster.name
