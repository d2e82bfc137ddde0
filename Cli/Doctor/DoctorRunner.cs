using VoiceFunctions.Cli.LiveKit;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Runs every check in order; a check whose prerequisite failed is reported as SKIP, not run.</summary>
public static class DoctorRunner
{
    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(CliContext context, FileInfo? file, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        var (environment, inputs) = EnvironmentCheck.Run(context, file, timeout);
        checks.Add(environment);
        var target = inputs.Target;
        var deployment = inputs.Document?.IsValid == true ? inputs.Document.File : null;

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        if (target is null)
        {
            checks.Add(DoctorCheck.Skip(ServerChecks.UrlName, "no LiveKit server to check"));
            return checks;
        }

        context.Terminal.Progress($"checking {target.Url}");
        var (url, clock) = await ServerChecks.RunAsync(context, http, target.Url, timeout, cancellationToken);
        checks.Add(url);
        if (url.Status != DoctorStatus.Fail)
        {
            await using var connection = LiveKitConnection.Open(target, context.Time, timeout, maxAttempts: 1);
            var credentials = await ApiChecks.CredentialsAsync(connection, timeout, cancellationToken);
            checks.Add(credentials);
            if (credentials.Status == DoctorStatus.Fail)
            {
                checks.Add(DoctorCheck.Skip(ApiChecks.RoomName, "the credentials check failed"));
                checks.Add(DoctorCheck.Skip(ApiChecks.SipName, "the credentials check failed"));
            }
            else
            {
                checks.Add(await ApiChecks.RoomRoundTripAsync(connection, timeout, cancellationToken));
                var (sip, remote) = await ApiChecks.SipAsync(connection, timeout, cancellationToken);
                checks.Add(sip);
                if (remote is not null && deployment is not null && inputs.Desired is not null)
                {
                    checks.Add(ConfigurationChecks.Drift(inputs.Desired, remote, file!.Name));
                    checks.AddRange(ConfigurationChecks.Routing(deployment, remote));
                }
            }
        }
        else
        {
            checks.Add(DoctorCheck.Skip(ApiChecks.CredentialsName, "the server did not answer"));
        }

        if (deployment?.Webhook?.Url is { } webhook)
        {
            context.Terminal.Progress($"posting a signed test event to {webhook.Value}");
            checks.Add(await EndpointChecks.WebhookAsync(context, http, webhook.Value, target, timeout, cancellationToken));
        }
        if (deployment?.MediaHost?.HealthUrl is { } health)
        {
            checks.Add(await EndpointChecks.MediaHostAsync(http, health.Value, timeout, cancellationToken));
        }
        checks.Add(clock);
        return checks;
    }
}
