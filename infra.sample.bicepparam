// Sample parameters for infra.bicep. Secrets are read from environment variables on the machine that runs
// `az deployment group create`, so nothing secret is ever written to a file:
//   export LIVEKIT_API_SECRET=… SIP_AUTH_PASSWORD=… ALERT_WEBHOOK_URL=… AGENT_EVENTS_SECRET=… CALLS_API_KEY=… REGISTRY_PASSWORD=…
//   az deployment group create -g voicefunctions --template-file infra.bicep --parameters infra.sample.bicepparam
// Copy it, replace the <placeholders>, and keep your copy out of version control if it names real hosts.
using 'infra.bicep'

param namePrefix = 'voicefn'
param liveKitUrl = 'https://<livekit-project>.livekit.cloud'
param liveKitApiKey = '<livekit-api-key>'
param liveKitApiSecret = readEnvironmentVariable('LIVEKIT_API_SECRET')
param sipAuthUsername = 'livekit'
param sipAuthPassword = readEnvironmentVariable('SIP_AUTH_PASSWORD')
param alertWebhookUrl = readEnvironmentVariable('ALERT_WEBHOOK_URL')
param agentEventsSecret = readEnvironmentVariable('AGENT_EVENTS_SECRET')
param callsApiKey = readEnvironmentVariable('CALLS_API_KEY')

param mediaHostImage = '<registry>.azurecr.io/voicefunctions-mediahost:1.0.0'
param registryServer = '<registry>.azurecr.io'
param registryUsername = '<registry-user>'
param registryPassword = readEnvironmentVariable('REGISTRY_PASSWORD', '')

// Empty on the first deployment; the id of the outbound trunk (ST_…) once `voicectl sip apply` created it.
param outboundTrunkId = ''
// A sip:, sips: or tel: URI of a human to take the call when the agent cannot; empty to apologise and hang up.
param humanTransferTo = ''
param alertEmail = '<oncall@example.com>'
