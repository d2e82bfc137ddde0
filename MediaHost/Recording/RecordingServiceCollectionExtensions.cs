using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;

namespace VoiceFunctions.MediaHost.Recording;

public static class RecordingServiceCollectionExtensions
{
    /// <summary>Whether Recording:Enabled is set (the host then registers recording and wraps the call handler).</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(RecordingOptions.Section).GetValue(nameof(RecordingOptions.Enabled), false);

    /// <summary>
    /// Registers direct-mode call recording: its options (Recording section, validated at start), the per-call decision
    /// (<see cref="IRecordingPolicy"/>: the options, unless a per-number policy was registered first), the consent
    /// announcer, and the uploader with its HTTP clients (<see cref="UploadRequestPipeline"/>: bounded retries of transient
    /// failures and a timeout per request). Needs the control-plane reporting (the upload link and the record come from there).
    /// </summary>
    public static IServiceCollection AddCallRecording(this IServiceCollection services, IConfiguration configuration, bool controlPlaneConfigured)
    {
        services.AddOptions<RecordingOptions>().Bind(configuration.GetSection(RecordingOptions.Section))
            .Configure(o => o.ControlPlaneConfigured = controlPlaneConfigured).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecordingOptions>, RecordingOptionsValidator>();
        services.TryAddSingleton<IRecordingPolicy, OptionsRecordingPolicy>();
        services.AddSingleton(sp => new ConsentAnnouncer(sp.GetService<PhraseAudioCache>(), sp.GetRequiredService<IOptions<AiLoopOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RecordingEvents(sp.GetRequiredService<CallEventQueue>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(nameof(UploadGrantClient));
        services.AddHttpClient(nameof(BlobUploadClient));
        services.AddSingleton(sp => new UploadGrantClient(Pipeline(sp, nameof(UploadGrantClient)), sp.GetRequiredService<ControlPlaneOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BlobUploadClient(Pipeline(sp, nameof(BlobUploadClient))));
        services.AddSingleton<RecordingUploader>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingUploader>());
        return services;
    }

    /// <summary>Wraps <paramref name="inner"/> so the calls the policy chooses are recorded.</summary>
    public static ICallHandler WrapForRecording(ICallHandler inner, IServiceProvider sp) =>
        new RecordingCallHandler(inner, sp.GetRequiredService<IRecordingPolicy>(), sp.GetRequiredService<ConsentAnnouncer>(), sp.GetRequiredService<RecordingUploader>(),
            sp.GetRequiredService<CallEventReporter>().ControlPlaneCallId, sp.GetRequiredService<IOptions<RecordingOptions>>(), sp.GetRequiredService<ILogger<RecordingCallHandler>>());

    private static UploadRequestPipeline Pipeline(IServiceProvider sp, string name)
    {
        var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);
        http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeout applies, on the injected clock
        return new UploadRequestPipeline(http, sp.GetRequiredService<IOptions<RecordingOptions>>().Value.RequestTimeout, sp.GetRequiredService<TimeProvider>());
    }
}
