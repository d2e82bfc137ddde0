using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Hosting;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// Runs a container environment through the MediaHost's own start-up validation: the services registered by the
/// host's own AddMediaHost (SIP with SipOptionsValidator, RTP, control plane reporting, the AI loop), bound from
/// the environment variables as the host binds them ("Section__Key"), then every ValidateOnStart check the host
/// runs before it serves. Returns the problems the MediaHost would stop with; none when it would start.
/// </summary>
public static class MediaHostSettingsCheck
{
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(pair => KeyValuePair.Create(pair.Key.Replace("__", ":", StringComparison.Ordinal), (string?)pair.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        try
        {
            services.AddMediaHost(configuration);
            // The SIP validator reads password variables from this environment, not the test process's.
            services.Remove(services.Single(d => d.ImplementationType == typeof(SipOptionsValidator)));
            services.AddSingleton<IValidateOptions<SipOptions>>(new SipOptionsValidator(name => environment.GetValueOrDefault(name)));
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToArray();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures).ToArray();
        }
        catch (InvalidOperationException ex)
        {
            return [ex.Message];
        }
    }
}
