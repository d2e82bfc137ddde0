// Azure Monitor alerts (the "Azure portal alerts") and the action group they notify. Log alerts query the
// Application Insights data both planes export; metric names come from Shared/Observability/MetricNames.cs
// (a test checks every name used here exists there).

@description('Azure region of the log alert rules.')
param location string

@description('Prefix of every resource name.')
param namePrefix string

@description('Application Insights component the alerts query.')
param appInsightsName string

@description('E-mail address the action group notifies; empty for none.')
param alertEmail string

@secure()
@description('Webhook the action group calls (common alert schema); empty for none.')
param alertActionWebhookUrl string

@description('MediaHost liveness URL probed from outside by an availability test.')
param mediaHostLivenessUrl string

@description('Failed function invocations within 15 minutes that raise an alert.')
param functionFailureThreshold int

@description('Percentage of webhooks rejected with 401 within 15 minutes that raises an alert (signature problems).')
param webhookUnauthorizedPercentThreshold int

@description('Calls ending in the fallback within 15 minutes that raise an alert.')
param fallbackCallsThreshold int

@description('Failed MediaHost health checks within 15 minutes that raise an alert.')
param healthCheckFailureThreshold int

@description('p95 voice-to-voice latency (ms, end of caller speech to first agent audio) over 15 minutes that raises an alert.')
param voiceToVoiceP95ThresholdMs int

param tags object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(namePrefix, '-', ''), 12)
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      { name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
    webhookReceivers: empty(alertActionWebhookUrl) ? [] : [
      { name: 'webhook', serviceUri: alertActionWebhookUrl, useCommonAlertSchema: true }
    ]
  }
}

// Each log alert: a KQL query over Application Insights yielding one number, compared with a threshold.
var logAlerts = [
  {
    name: 'function-failures'
    title: 'Function invocations failing'
    severity: 1
    query: 'requests | where success == false | summarize failures = count()'
    measure: 'failures'
    threshold: functionFailureThreshold
  }
  {
    name: 'webhook-unauthorized-rate'
    title: 'LiveKit webhooks rejected as unauthorized (check the API key and secret)'
    severity: 2
    query: 'customMetrics | where name == "voicefunctions.webhook.received" | summarize total = sum(valueSum), unauthorized = sumif(valueSum, tostring(customDimensions.result) == "unauthorized") | where total > 0 | extend percent = 100.0 * unauthorized / total'
    measure: 'percent'
    threshold: webhookUnauthorizedPercentThreshold
  }
  {
    name: 'calls-ending-in-fallback'
    title: 'Calls ending in the fallback (agent unavailable)'
    severity: 1
    query: 'customMetrics | where name == "voicefunctions.calls.fallbacks" | summarize fallbacks = sum(valueSum)'
    measure: 'fallbacks'
    threshold: fallbackCallsThreshold
  }
  {
    name: 'health-check-failures'
    title: 'MediaHost health checks failing'
    severity: 1
    query: 'customMetrics | where name == "voicefunctions.health.checks" and tostring(customDimensions.result) != "healthy" | summarize failures = sum(valueSum)'
    measure: 'failures'
    threshold: healthCheckFailureThreshold
  }
  {
    name: 'voice-to-voice-p95'
    title: 'p95 voice-to-voice latency above threshold'
    severity: 2
    // Histograms reach Application Insights without buckets, so the percentile comes from the per-turn log
    // line, whose VoiceToVoiceMs field is named in Shared/Observability/TelemetryFields.cs.
    query: 'traces | where isnotempty(customDimensions.VoiceToVoiceMs) | summarize p95 = percentile(todouble(customDimensions.VoiceToVoiceMs), 95)'
    measure: 'p95'
    threshold: voiceToVoiceP95ThresholdMs
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for alert in logAlerts: {
  name: '${namePrefix}-${alert.name}'
  location: location
  tags: tags
  properties: {
    displayName: alert.title
    severity: alert.severity
    enabled: true
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    scopes: [appInsights.id]
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Maximum'
          metricMeasureColumn: alert.measure
          operator: 'GreaterThan'
          threshold: alert.threshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroup.id] }
  }
}]

// MediaHost down: an availability test probes its liveness endpoint from several regions.
resource livenessTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-mediahost-liveness'
  location: location
  // The hidden link ties the test to the Application Insights component (required by the service).
  tags: union(tags, { 'hidden-link:${appInsights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-mediahost-liveness'
    Name: 'MediaHost liveness'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'emea-gb-db3-azr' }
      { Id: 'us-va-ash-azr' }
    ]
    Request: { RequestUrl: mediaHostLivenessUrl, HttpVerb: 'GET', ParseDependentRequests: false }
    ValidationRules: { ExpectedHttpStatusCode: 200, SSLCheck: false }
  }
}

resource mediaHostDown 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-mediahost-down'
  location: 'global'
  tags: tags
  properties: {
    description: 'The MediaHost does not answer its liveness endpoint from two or more test locations.'
    severity: 0
    enabled: true
    scopes: [livenessTest.id, appInsights.id]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: livenessTest.id
      componentId: appInsights.id
      failedLocationCount: 2
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

output actionGroupId string = actionGroup.id
