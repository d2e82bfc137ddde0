using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Registers outbound calling (options, the dialer of the configured mode, the activities) and the post-call report.</summary>
public static class OutboundServiceCollectionExtensions
{
    public static IServiceCollection AddOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        // Outbound calling is optional: without an Outbound section its options are not checked at start.
        var outbound = services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.SectionName)).ValidateDataAnnotations();
        if (configuration.GetSection(OutboundOptions.SectionName).Exists())
        {
            outbound.ValidateOnStart();
        }
        services.AddOptions<PostCallReportOptions>().Bind(configuration.GetSection(PostCallReportOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<CalledNumberSigner>();
        services.AddHttpClient(MediaHostOutboundDialer.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan); // the dialer times each request itself
        services.TryAddSingleton<IOutboundDialer>(sp => sp.GetRequiredService<IOptions<OutboundOptions>>().Value.Mode == OutboundMode.Direct
            ? ActivatorUtilities.CreateInstance<MediaHostOutboundDialer>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(MediaHostOutboundDialer.HttpClientName))
            : ActivatorUtilities.CreateInstance<LiveKitOutboundDialer>(sp));

        services.AddHttpClient(PostCallReportSender.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("post-call-report", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<PostCallReportOptions>>().Value;
                pipeline.AddTimeout(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, o.AttemptTimeoutSeconds / 3)));
            });
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<PostCallReportSender>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PostCallReportSender.HttpClientName)));

        services.TryAddTransient<DialCalleeActivity>();
        services.TryAddTransient<RecordUnansweredCallActivity>();
        services.TryAddTransient<AnsweredCallStarter>();
        services.TryAddTransient<DeliverPostCallReportActivity>();
        return services;
    }
}
