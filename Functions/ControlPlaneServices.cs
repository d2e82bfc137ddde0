using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Recording;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Functions;

/// <summary>
/// Registers the control plane's services (options, stores, handlers, activities, LiveKit clients)
/// from configuration. Both the Azure Functions app and the local host call this, so they run the
/// same classes with the same settings.
/// </summary>
public static class ControlPlaneServices
{
    public static IServiceCollection AddControlPlane(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CallStoreOptions>().Bind(configuration.GetSection(CallStoreOptions.SectionName))
            .PostConfigure(o =>
            {
                // Default to the function app's own storage account when no separate one is named.
                if (string.IsNullOrEmpty(configuration[$"{CallStoreOptions.SectionName}:ConnectionString"]) && configuration["AzureWebJobsStorage"] is { Length: > 0 } storage)
                {
                    o.ConnectionString = storage;
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CallPolicyOptions>().Bind(configuration.GetSection(CallPolicyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AgentDispatchOptions>().Bind(configuration.GetSection(AgentDispatchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AgentEventsOptions>().Bind(configuration.GetSection(AgentEventsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddLiveKitApi(o => configuration.GetSection("LiveKit").Bind(o));
        services.AddMetrics();
        services.TryAddSingleton<ControlPlaneMetrics>();

        services.TryAddSingleton(sp => new CallStore(sp.GetRequiredService<IOptions<CallStoreOptions>>().Value));
        services.TryAddSingleton(sp => new EventDedupeStore(
            new TableClient(sp.GetRequiredService<IOptions<CallStoreOptions>>().Value.ConnectionString, sp.GetRequiredService<IOptions<WebhookOptions>>().Value.DedupeTableName),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var livekit = sp.GetRequiredService<IOptions<LiveKitApiOptions>>().Value;
            var webhooks = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
            return new WebhookReceiver(SigningKeys.With(livekit.ApiKey, livekit.ApiSecret, webhooks.PreviousApiKey, webhooks.PreviousApiSecret),
                sp.GetRequiredService<TimeProvider>(), new WebhookReceiverOptions { MaxBodyBytes = webhooks.MaxBodyBytes });
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AgentEventsOptions>>().Value;
            return new AgentEventVerifier(new TokenVerifier(o.VerificationKeys(), sp.GetRequiredService<TimeProvider>(), TokenVerifier.ServerLeeway), o.MaxBodyBytes);
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<CallPolicyOptions>>().Value;
            return new WebhookCallMapper(o.RoomPrefix, o.AgentIdentityPrefix);
        });
        services.TryAddSingleton(sp => new OrphanedCallCloser(sp.GetRequiredService<CallStore>(), sp.GetRequiredService<FinalizeCallActivity>()));
        services.AddCallRecording(configuration);
        services.TryAddSingleton(sp => new EarlyEventStore(new TableClient(
            sp.GetRequiredService<IOptions<CallStoreOptions>>().Value.ConnectionString, sp.GetRequiredService<IOptions<WebhookOptions>>().Value.EarlyEventsTableName)));
        services.TryAddSingleton(sp => new CallEventDispatcher(
            sp.GetRequiredService<IOptions<CallPolicyOptions>>().Value.ToSettings() with
            {
                RecordCalls = sp.GetRequiredService<IOptions<CallRecordingOptions>>().Value.Enabled,
                DeliverPostCallReport = sp.GetRequiredService<IOptions<PostCallReportOptions>>().Value.Enabled,
            },
            sp.GetRequiredService<EarlyEventStore>(), sp.GetRequiredService<OrphanedCallCloser>(), sp.GetRequiredService<LateRecordingWriter>()));
        services.TryAddSingleton<LiveKitWebhookHandler>();
        services.TryAddSingleton<AgentEventsHandler>();
        services.TryAddSingleton<MediaHosts.MediaHostHeartbeatHandler>();

        services.TryAddSingleton<ICallControl, LiveKitCallControl>();
        services.TryAddSingleton<IAgentDispatcher>(sp => sp.GetRequiredService<IOptions<AgentDispatchOptions>>().Value.Mode == AgentDispatchMode.LiveKitAgent
            ? ActivatorUtilities.CreateInstance<LiveKitAgentDispatcher>(sp)
            : ActivatorUtilities.CreateInstance<SipAgentDispatcher>(sp));
        services.TryAddTransient<OpenCallActivity>();
        services.TryAddTransient<RecordCallActivity>();
        services.TryAddTransient<DispatchAgentActivity>();
        services.TryAddTransient<MarkAnsweredActivity>();
        services.TryAddTransient<TransferCallerActivity>();
        services.TryAddTransient<EndCallActivity>();
        services.TryAddTransient<FinalizeCallActivity>();
        services.TryAddTransient<RecordRecordingActivity>();
        services.TryAddTransient<MediaHosts.RecordLostCallsActivity>();
        services.AddOutbound(configuration);
        services.AddCampaigns(configuration);
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<HistoryPurger>();
        services.TryAddSingleton(sp => new CallRetention(sp.GetRequiredService<IOptions<CallStoreOptions>>().Value));
        services.TryAddSingleton<CallRowPurger>();
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.AddHttpClient(HealthChecker.HttpClientName);
        services.TryAddSingleton<HealthChecker>();
        services.TryAddSingleton(sp => new HealthSnapshotStore(new TableClient(
            sp.GetRequiredService<IOptions<CallStoreOptions>>().Value.ConnectionString, sp.GetRequiredService<IOptions<HealthOptions>>().Value.SnapshotTableName)));
        services.TryAddSingleton<AlertSender>();
        services.TryAddSingleton(sp => new AlertLog(new TableClient(
            sp.GetRequiredService<IOptions<CallStoreOptions>>().Value.ConnectionString, sp.GetRequiredService<IOptions<HealthOptions>>().Value.SnapshotTableName),
            sp.GetRequiredService<IOptions<HealthOptions>>()));
        services.TryAddSingleton<HealthMonitor>();
        services.TryAddSingleton<CallReconciler>();
        services.TryAddSingleton<ApiAccessGuard>();
        // The call timeline: written by the webhook and agent-event handlers and by the activities.
        services.TryAddSingleton<CallTimelineRecorder>();
        services.AddLogging();
        return services;
    }
}
