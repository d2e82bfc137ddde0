// VoiceFunctions in one resource group: the control plane (Functions on Flex Consumption), its storage,
// call-history storage, Key Vault, Application Insights + Log Analytics, the MediaHost on Azure Container
// Instances, and the Azure Monitor alerts. Deploy: docs/deployment.md.
targetScope = 'resourceGroup'

// ---------- naming ----------

@description('Azure region of every resource (default: the resource group\'s).')
param location string = resourceGroup().location

@description('Short prefix of resource names (letters, digits, hyphens).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'voicefn'

@description('Tags put on every resource.')
param tags object = { application: 'VoiceFunctions' }

// ---------- LiveKit ----------

@description('LiveKit server URL the control plane calls (https://… of your LiveKit Cloud project or server).')
param liveKitUrl string

@description('LiveKit API key (not secret: it names the key).')
param liveKitApiKey string

@secure()
@description('LiveKit API secret. Stored in Key Vault only.')
param liveKitApiSecret string

@description('Id of the LiveKit SIP outbound trunk that points at the MediaHost (ST_…). Empty on the first deployment: create the trunk with the mediaHostSipAddress output, then redeploy with its id.')
param outboundTrunkId string = ''

@description('SIP user the dispatch dials at the MediaHost (sip_call_to of CreateSIPParticipant).')
param mediaHostSipUser string = 'agent'

@description('Where a caller goes when the agent never answers: a sip:, sips: or tel: URI; empty to apologise and hang up.')
param humanTransferTo string = ''

@description('NCRONTAB schedules of the control plane\'s timers.')
param timerSchedules object = {
  healthCheck: '0 */1 * * * *'
  reconciliation: '0 */5 * * * *'
  purge: '0 30 3 * * *'
}

@description('Route of the LiveKit webhook function (the URL given to LiveKit is https://<app>/<route>).')
param webhookRoute string = 'api/livekit/webhook'

// ---------- secrets ----------

@description('SIP digest user name LiveKit SIP uses towards the MediaHost (the outbound trunk\'s auth user).')
param sipAuthUsername string = 'livekit'

@secure()
@description('SIP digest password that goes with sipAuthUsername. Stored in Key Vault and given to the MediaHost as a secure value.')
param sipAuthPassword string

@secure()
@description('URL the control plane\'s health check posts its alerts to (e.g. a chat webhook). Stored in Key Vault only.')
param alertWebhookUrl string

@description('Key id under which the MediaHost signs its call events.')
param agentEventsKeyId string = 'mediahost'

@secure()
@minLength(32)
@description('Secret (32+ characters) with which the MediaHost signs call events to the control plane, e.g. openssl rand -base64 32.')
param agentEventsSecret string

@secure()
@minLength(32)
@description('Key of the operators\' calls/health HTTP API (header x-functions-key or Authorization: Bearer); voicectl calls uses it.')
param callsApiKey string

// ---------- Functions (Flex Consumption) ----------

@description('Always-ready instances of the HTTP functions. At least 1: LiveKit gives up on a webhook it cannot deliver within about 30 s, and a cold start must never lose a call event.')
@minValue(1)
@maxValue(10)
param alwaysReadyHttpInstances int = 1

@description('Most instances the function app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of one function instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Days call recordings are kept in Blob Storage before the lifecycle rule deletes them.')
@minValue(1)
@maxValue(3650)
param recordingRetentionDays int = 90

@description('Record calls (LiveKit mode: an audio-only egress of each answered call to the recordings container, linked from the call record).')
param recordCalls bool = false

// ---------- MediaHost ----------

@description('Where the MediaHost runs. aks: a host-network DaemonSet on media nodes with public IPs, SIP and the whole RTP range open, hundreds of calls per node (deploy/aks/ holds the manifests; docs/deployment.md). aci: one Container Instances group that carries ONE call at a time (5 ports per IP), a test target only.')
@allowed(['aci', 'aks'])
param mediaHostTarget string = 'aci'

@description('AKS target: VM size of the media nodes.')
param mediaNodeSize string = 'Standard_F2s_v2'

@description('AKS target: number of media nodes (one MediaHost each).')
@minValue(1)
@maxValue(100)
param mediaNodeCount int = 3

@description('AKS target: VM size of the SIP front-door node (deploy/aks/frontdoor.yaml).')
param frontDoorNodeSize string = 'Standard_F2s_v2'

@description('AKS target: Kubernetes version; empty takes the region default.')
param kubernetesVersion string = ''

@description('MediaHost container image (built from MediaHost/Dockerfile and pushed to your registry).')
param mediaHostImage string

@description('Registry login server of a private image (e.g. myregistry.azurecr.io); empty for a public image.')
param registryServer string = ''

@description('Registry user name; empty for a public image.')
param registryUsername string = ''

@secure()
@description('Registry password; empty for a public image.')
param registryPassword string = ''

@description('DNS label of the MediaHost\'s public IP (<label>.<region>.azurecontainer.io); must be unique in the region.')
param mediaHostDnsLabel string = '${namePrefix}-media-${uniqueString(resourceGroup().id)}'

@description('CPU cores of the MediaHost (the offline STT/TTS providers run on its CPU).')
@minValue(1)
@maxValue(4)
param mediaHostCpuCores int = 2

@description('Memory of the MediaHost in GB.')
@minValue(1)
@maxValue(16)
param mediaHostMemoryInGB int = 4

@description('First UDP port of the MediaHost\'s RTP range; must be even (RTP on the even port, RTCP on the odd one above). ACI allows 5 ports per IP: SIP UDP + SIP TCP + HTTP leave 2, one RTP/RTCP pair, so one call per container group.')
@minValue(1024)
@maxValue(65534)
param rtpPortStart int = 20000

@description('Restart policy of the MediaHost container group.')
@allowed(['Always', 'OnFailure', 'Never'])
param mediaHostRestartPolicy string = 'Always'

@description('Seconds the MediaHost lets calls finish after SIGTERM (a stop, restart or update) before it hangs them up with BYE. ACI kills the container about 30 s after SIGTERM and that period cannot be set, so keep this plus about 5 s (the BYE answers, the exit) under it.')
@minValue(0)
@maxValue(25)
param mediaHostDrainTimeoutSeconds int = 20

@description('New calls are refused with 503 (Retry-After) while the MediaHost process uses at least this share of all its cores over a few seconds, so calls in progress keep their audio. 0 turns the check off.')
@minValue(0)
@maxValue(100)
param mediaHostMaxCpuPercent int = 85

// ---------- alerts ----------

@description('E-mail address that receives the alerts; empty for none.')
param alertEmail string = ''

@secure()
@description('Webhook the alert action group calls (common alert schema); empty for none.')
param alertActionWebhookUrl string = ''

@description('Failed function invocations within 15 minutes that raise an alert.')
param functionFailureThreshold int = 5

@description('Percentage of webhooks rejected as unauthorized (401) within 15 minutes that raises an alert.')
param webhookUnauthorizedPercentThreshold int = 10

@description('Calls ending in the fallback within 15 minutes that raise an alert.')
param fallbackCallsThreshold int = 2

@description('Failed MediaHost health checks within 15 minutes that raise an alert.')
param healthCheckFailureThreshold int = 2

@description('p95 voice-to-voice latency in ms (end of caller speech to first agent audio) that raises an alert.')
param voiceToVoiceP95ThresholdMs int = 1500

// ---------- derived names ----------

var suffix = uniqueString(resourceGroup().id)
var compactPrefix = toLower(replace(namePrefix, '-', ''))
var functionAppName = '${namePrefix}-${suffix}'
var sipPort = 5060
var httpPort = 8080
// Container Instances exposes at most 5 ports per IP: SIP UDP + SIP TCP + HTTP leave room for one RTP/RTCP pair.
var rtpPortCount = 2
// AKS: the MediaHost's whole default RTP range, open on each media node (deploy/aks/ sets the same range).
var mediaHostRtpPortMin = 20000
var mediaHostRtpPortMax = 29999
// Deterministic, so the function app can be told where the MediaHost is before the container group exists.
var mediaHostFqdn = '${mediaHostDnsLabel}.${location}.azurecontainer.io'
var secretNames = {
  liveKitApiSecret: 'livekit-api-secret'
  sipAuthUsername: 'sip-auth-username'
  sipAuthPassword: 'sip-auth-password'
  alertWebhookUrl: 'alert-webhook-url'
  agentEventsSecret: 'agent-events-secret'
  callsApiKey: 'calls-api-key'
  callHistoryStorage: 'call-history-storage'
  recordingAccountKey: 'recording-account-key'
}

module monitoring 'infra/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'infra/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    runtimeAccountName: take('${compactPrefix}fn${suffix}', 24)
    historyAccountName: take('${compactPrefix}calls${suffix}', 24)
    deploymentContainerName: 'app-package'
    recordingRetentionDays: recordingRetentionDays
    tags: tags
  }
}

module vault 'infra/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: take('${namePrefix}-kv-${suffix}', 24)
    historyAccountName: storage.outputs.historyAccountName
    liveKitApiSecret: liveKitApiSecret
    sipAuthUsername: sipAuthUsername
    sipAuthPassword: sipAuthPassword
    alertWebhookUrl: alertWebhookUrl
    agentEventsSecret: agentEventsSecret
    callsApiKey: callsApiKey
    secretNames: secretNames
    tags: tags
  }
}

module functionApp 'infra/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    functionAppName: functionAppName
    runtimeAccountName: storage.outputs.runtimeAccountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsName: monitoring.outputs.appInsightsName
    vaultName: vault.outputs.vaultName
    secretNames: secretNames
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    liveKitUrl: liveKitUrl
    liveKitApiKey: liveKitApiKey
    // The public port answers only the liveness path; readiness and detail are on the MediaHost's internal port.
    mediaHostHealthUrl: 'http://${mediaHostFqdn}:${httpPort}/health/live'
    outboundTrunkId: outboundTrunkId
    mediaHostSipUser: mediaHostSipUser
    agentEventsKeyId: agentEventsKeyId
    humanTransferTo: humanTransferTo
    recordCalls: recordCalls
    historyAccountName: storage.outputs.historyAccountName
    schedules: timerSchedules
    tags: tags
  }
}

module mediaHost 'infra/mediahost.bicep' = if (mediaHostTarget == 'aci') {
  name: 'mediahost'
  params: {
    location: location
    name: '${namePrefix}-mediahost'
    dnsNameLabel: mediaHostDnsLabel
    image: mediaHostImage
    registryServer: registryServer
    registryUsername: registryUsername
    registryPassword: registryPassword
    cpuCores: mediaHostCpuCores
    memoryInGB: mediaHostMemoryInGB
    sipPort: sipPort
    httpPort: httpPort
    rtpPortStart: rtpPortStart
    rtpPortCount: rtpPortCount
    livenessPath: '/health/live'
    restartPolicy: mediaHostRestartPolicy
    plainEnvironment: {
      Sip__ExternalAddress: mediaHostFqdn
      Sip__DrainTimeoutSeconds: string(mediaHostDrainTimeoutSeconds)
      Sip__MaxCpuPercent: string(mediaHostMaxCpuPercent)
      Sip__InboundAuthentication__Username: sipAuthUsername
      Sip__InboundAuthentication__PasswordEnvironmentVariable: 'SIP_AUTH_PASSWORD'
      // Call events go to <base>/api/calls/<callId>/events (the AgentEvents function's route).
      ControlPlane__BaseUrl: 'https://${functionApp.outputs.defaultHostName}'
      AgentEvents__KeyId: agentEventsKeyId
      // LiveKit mode: the INVITEs come from LiveKit SIP (digest-authenticated above), whose X-VoiceFunctions-Call-Id names the call.
      ControlPlane__CallIdFromSipHeader: 'true'
      // LiveKit mode: LiveKit's egress records the call (the function app starts it); the MediaHost records only in direct mode.
      Recording__Enabled: 'false'
    }
    secureEnvironment: {
      SIP_AUTH_PASSWORD: sipAuthPassword
      AgentEvents__Secret: agentEventsSecret
    }
    workspaceName: monitoring.outputs.workspaceName
    appInsightsName: monitoring.outputs.appInsightsName
    tags: tags
  }
}

module mediaNodes 'infra/mediahost-aks.bicep' = if (mediaHostTarget == 'aks') {
  name: 'mediahost-aks'
  params: {
    location: location
    name: '${namePrefix}-media-${suffix}'
    kubernetesVersion: kubernetesVersion
    mediaNodeSize: mediaNodeSize
    mediaNodeCount: mediaNodeCount
    frontDoorNodeSize: frontDoorNodeSize
    sipPort: sipPort
    rtpPortMin: mediaHostRtpPortMin
    rtpPortMax: mediaHostRtpPortMax
    workspaceName: monitoring.outputs.workspaceName
    tags: tags
  }
}

module alerts 'infra/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    namePrefix: namePrefix
    appInsightsName: monitoring.outputs.appInsightsName
    alertEmail: alertEmail
    alertActionWebhookUrl: alertActionWebhookUrl
    mediaHostLivenessUrl: 'http://${mediaHostFqdn}:${httpPort}/health/live'
    functionFailureThreshold: functionFailureThreshold
    webhookUnauthorizedPercentThreshold: webhookUnauthorizedPercentThreshold
    fallbackCallsThreshold: fallbackCallsThreshold
    healthCheckFailureThreshold: healthCheckFailureThreshold
    voiceToVoiceP95ThresholdMs: voiceToVoiceP95ThresholdMs
    tags: tags
  }
}

@description('Webhook URL to configure in LiveKit (project settings → webhooks).')
output liveKitWebhookUrl string = 'https://${functionApp.outputs.defaultHostName}/${webhookRoute}'

@description('SIP address of the MediaHost for the LiveKit SIP outbound trunk (host:port).')
output mediaHostSipAddress string = mediaHostTarget == 'aci' ? '${mediaHost!.outputs.fqdn}:${sipPort}' : 'the public IP of the front-door node (deploy/aks/frontdoor.yaml; kubectl get nodes -l voicefunctions.io/role=frontdoor -o wide), port ${sipPort}'

@description('The MediaHost\'s public IP address.')
output mediaHostIpAddress string = mediaHostTarget == 'aci' ? mediaHost!.outputs.ipAddress : ''

@description('AKS target: the cluster to apply deploy/aks/ to (az aks get-credentials).')
output mediaClusterName string = mediaHostTarget == 'aks' ? mediaNodes!.outputs.name : ''

@description('Name of the function app (for `func azure functionapp publish` or zip deploy).')
output functionAppName string = functionApp.outputs.name
