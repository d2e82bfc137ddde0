using VoiceFunctions.Cli.Doctor.Carrier;
using VoiceFunctions.Cli.Doctor.Redis;
using VoiceFunctions.Cli.Doctor.Tls;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Cli.Simulation;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>
/// Runs the selected checks in order; a check whose prerequisite failed is reported as SKIP, not run. Checks run
/// only to serve a selected one are shown only when they fail (<see cref="DoctorSelection"/>).
/// </summary>
public static class DoctorRunner
{
    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(CliContext context, DoctorOptions options, CancellationToken cancellationToken)
    {
        var selection = options.Selection;
        var checks = new List<DoctorCheck>();
        void Add(string id, DoctorCheck check) => checks.Add(check with { Check = id });

        var (environment, inputs) = EnvironmentCheck.Run(context, options.File, options.Timeout);
        Add(DoctorSelection.Environment, environment);
        var deployment = inputs.Document?.IsValid == true ? inputs.Document.File : null;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

        if (selection.IncludesAny(DoctorSelection.LiveKitUrl, DoctorSelection.Credentials, DoctorSelection.Room, DoctorSelection.SipApi,
                DoctorSelection.Drift, DoctorSelection.Routing, DoctorSelection.Clock))
        {
            await LiveKitAsync(context, options, inputs, deployment, http, Add, cancellationToken);
        }
        if (selection.Includes(DoctorSelection.Webhook) && deployment?.Webhook?.Url is { } webhook && inputs.Target is { } target)
        {
            context.Terminal.Progress($"posting a signed test event to {webhook.Value}");
            Add(DoctorSelection.Webhook, await EndpointChecks.WebhookAsync(context, http, webhook.Value, target, options.Timeout, cancellationToken));
        }
        if (selection.Includes(DoctorSelection.MediaHost) && deployment?.MediaHost?.HealthUrl is { } health)
        {
            Add(DoctorSelection.MediaHost, await EndpointChecks.MediaHostAsync(context.Time, http, health.Value, options.Timeout, cancellationToken));
        }
        if (selection.Includes(DoctorSelection.Redis) && options.BridgeConfig is { } bridgeFile)
        {
            Add(DoctorSelection.Redis, RedisCheck(bridgeFile, options.ServerConfig, inputs, options.File));
        }
        if (selection.Includes(DoctorSelection.Carrier))
        {
            string? registrar = null;
            if (options.MediaHostSettings is { } settingsFile)
            {
                registrar = MediaHostPolicySettings.Load(settingsFile.FullName, out _)?.Registrar;
            }
            var probe = new SipOptionsProbe(options.Timeout, context.Time);
            foreach (var sipTarget in CarrierChecks.Targets(deployment, registrar))
            {
                context.Terminal.Progress($"sending OPTIONS to {sipTarget}");
                Add(DoctorSelection.Carrier, await CarrierChecks.ProbeAsync(probe, sipTarget, cancellationToken));
            }
        }
        if (selection.Includes(DoctorSelection.Tls))
        {
            var probe = new TlsProbe(options.Timeout, options.ExtraRoots, context.Time);
            foreach (var (label, host, port) in TlsTargets.From(deployment, inputs.Target?.Url))
            {
                context.Terminal.Progress($"checking TLS of {host}:{port}");
                var handshake = await probe.HandshakeAsync(host, port, cancellationToken);
                Add(DoctorSelection.Tls, TlsChecks.Judge(label, host, port, handshake, context.Time.GetUtcNow()));
            }
        }
        // The clock check is computed with the URL check but printed last, beside the summary.
        var clock = checks.FindIndex(c => c.Check == DoctorSelection.Clock);
        if (clock >= 0)
        {
            var check = checks[clock];
            checks.RemoveAt(clock);
            checks.Add(check);
        }
        return checks.Where(c => selection.Includes(c.Check) || c.Status == DoctorStatus.Fail).ToArray();
    }

    private static async Task LiveKitAsync(CliContext context, DoctorOptions options, DoctorInputs inputs, Shared.Telephony.Deployment.Model.DeploymentFile? deployment,
        HttpClient http, Action<string, DoctorCheck> add, CancellationToken cancellationToken)
    {
        var selection = options.Selection;
        var timeout = options.Timeout;
        if (inputs.Target is not { } target)
        {
            add(DoctorSelection.LiveKitUrl, DoctorCheck.Skip(ServerChecks.UrlName, "no LiveKit server to check"));
            return;
        }
        context.Terminal.Progress($"checking {target.Url}");
        var (url, clock) = await ServerChecks.RunAsync(context, http, target.Url, timeout, cancellationToken);
        add(DoctorSelection.LiveKitUrl, url);
        add(DoctorSelection.Clock, clock);
        if (url.Status == DoctorStatus.Fail)
        {
            add(DoctorSelection.Credentials, DoctorCheck.Skip(ApiChecks.CredentialsName, "the server did not answer"));
            return;
        }
        if (!selection.IncludesAny(DoctorSelection.Credentials, DoctorSelection.Room, DoctorSelection.SipApi, DoctorSelection.Drift, DoctorSelection.Routing))
        {
            return;
        }
        await using var connection = LiveKitConnection.Open(target, context.Time, timeout, maxAttempts: 1);
        var credentials = await ApiChecks.CredentialsAsync(connection, timeout, cancellationToken);
        add(DoctorSelection.Credentials, credentials);
        if (credentials.Status == DoctorStatus.Fail)
        {
            add(DoctorSelection.Room, DoctorCheck.Skip(ApiChecks.RoomName, "the credentials check failed"));
            add(DoctorSelection.SipApi, DoctorCheck.Skip(ApiChecks.SipName, "the credentials check failed"));
            return;
        }
        if (selection.Includes(DoctorSelection.Room))
        {
            add(DoctorSelection.Room, await ApiChecks.RoomRoundTripAsync(connection, timeout, cancellationToken));
        }
        if (!selection.IncludesAny(DoctorSelection.SipApi, DoctorSelection.Drift, DoctorSelection.Routing))
        {
            return;
        }
        var (sip, remote) = await ApiChecks.SipAsync(connection, timeout, cancellationToken);
        add(DoctorSelection.SipApi, sip);
        if (remote is not null && deployment is not null && inputs.Desired is not null)
        {
            add(DoctorSelection.Drift, ConfigurationChecks.Drift(inputs.Desired, remote, options.File!.Name));
            foreach (var route in ConfigurationChecks.Routing(deployment, remote))
            {
                add(DoctorSelection.Routing, route);
            }
        }
    }

    private static DoctorCheck RedisCheck(FileInfo bridgeFile, FileInfo? serverFile, DoctorInputs inputs, FileInfo? file)
    {
        if (!bridgeFile.Exists)
        {
            return DoctorCheck.Fail(RedisChecks.Name, $"{bridgeFile.FullName} does not exist", "The path is wrong.", "Give the SIP bridge's config.yaml with --bridge-config.");
        }
        var bridge = ServiceConfigFile.Load(bridgeFile.FullName, out var problem);
        ServiceConfigFile? server = null;
        if (bridge is not null && serverFile is not null)
        {
            server = serverFile.Exists ? ServiceConfigFile.Load(serverFile.FullName, out problem) : null;
            problem ??= serverFile.Exists ? null : $"{serverFile.FullName} does not exist";
        }
        if (problem is not null)
        {
            return DoctorCheck.Fail(RedisChecks.Name, problem, "A configuration file could not be read.", "Give the files the services really use.");
        }
        return RedisChecks.Compare(bridge!, server, inputs.Document?.File, file?.Name);
    }
}
