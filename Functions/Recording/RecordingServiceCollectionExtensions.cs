using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Recording;

/// <summary>Registers call recording: its options (validated at start-up), the activities, the late-report writer, the link signer and issuer, and the direct-mode upload-link handler.</summary>
public static class RecordingServiceCollectionExtensions
{
    public static IServiceCollection AddCallRecording(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallRecordingOptions>().Bind(configuration.GetSection(CallRecordingOptions.SectionName))
            .Configure(o => o.DirectMode = configuration.GetValue("AgentEvents:DirectMode", false)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CallRecordingOptions>, CallRecordingOptionsValidator>());
        services.TryAddTransient<StartRecordingActivity>();
        services.TryAddTransient<StopRecordingActivity>();
        services.TryAddSingleton<LateRecordingWriter>();
        services.TryAddSingleton<IUserDelegationKeySource, ManagedIdentityDelegationKeySource>();
        services.TryAddSingleton<RecordingSasSigner>();
        services.TryAddSingleton<RecordingLinkIssuer>();
        services.TryAddSingleton<RecordingUploadHandler>();
        return services;
    }
}
