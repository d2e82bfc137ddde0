using System.Net;
using System.Net.Sockets;
using VoiceFunctions.Shared.LiveKit.Api;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Checks 2 and 10: the LiveKit URL resolves and answers over HTTP, and our clock agrees with the server's.</summary>
public static class ServerChecks
{
    public const string UrlName = "livekit url";
    public const string ClockName = "clock skew";

    /// <summary>Seconds of skew LiveKit tolerates on token nbf/exp (its leeway), and the Node SDK's tighter one.</summary>
    private static readonly TimeSpan ServerLeeway = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan NodeLeeway = TimeSpan.FromSeconds(10);

    public static async Task<(DoctorCheck Url, DoctorCheck Clock)> RunAsync(CliContext context, HttpClient http, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!LiveKitUrl.TryToHttpBase(url, out var baseUri))
        {
            return (DoctorCheck.Fail(UrlName, $"'{url}' is not a LiveKit URL", "livekit.url must be ws(s):// or http(s)://.", "Fix livekit.url."),
                DoctorCheck.Skip(ClockName, "the URL is not usable"));
        }

        var host = baseUri.Host;
        string resolved;
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            resolved = host;
        }
        else
        {
            try
            {
                using var dnsDeadline = new CancellationTokenSource(timeout, context.Time);
                using var dnsTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, dnsDeadline.Token);
                var addresses = await Dns.GetHostAddressesAsync(host, dnsTimeout.Token);
                resolved = $"{host} resolves to {string.Join(", ", addresses.Take(3).Select(a => a.ToString()))}";
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return (DoctorCheck.Fail(UrlName, $"{host} does not resolve ({e.Message})",
                        "The host name in livekit.url is not in DNS (a typo, or an internal name used from outside).",
                        "Fix livekit.url, or run doctor where that name resolves."),
                    DoctorCheck.Skip(ClockName, "the server was not reached"));
            }
        }

        var started = context.Time.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, baseUri);
            using var deadline = new CancellationTokenSource(timeout, context.Time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            using var response = await http.SendAsync(request, attempt.Token);
            var elapsed = context.Time.GetElapsedTime(started);
            var urlCheck = DoctorCheck.Pass(UrlName, $"{resolved}; {baseUri} answers HTTP {(int)response.StatusCode} in {elapsed.TotalMilliseconds:0} ms");
            if (elapsed > timeout / 2)
            {
                urlCheck = DoctorCheck.Warn(UrlName, $"{baseUri} answered HTTP {(int)response.StatusCode} but slowly: {elapsed.TotalMilliseconds:0} ms",
                    "The server or the network path is slow; API calls may time out.", "Check the server's load and the network.");
            }
            return (urlCheck, Clock(context, response.Headers.Date));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            var timedOut = e is OperationCanceledException;
            return (DoctorCheck.Fail(UrlName,
                    timedOut ? $"{baseUri} gave no answer within {timeout.TotalSeconds:0.#} s" : $"{baseUri}: {e.Message}",
                    timedOut
                        ? "The connection was accepted or silently dropped but no HTTP answer came: an overloaded server, or a firewall that drops packets."
                        : $"Nothing answers at {baseUri.Authority}: livekit-server is down, the port is wrong, or a firewall refuses the connection.",
                    "Check that livekit-server runs and listens on the URL's port, and that this machine may reach it."),
                DoctorCheck.Skip(ClockName, "the server was not reached"));
        }
    }

    private static DoctorCheck Clock(CliContext context, DateTimeOffset? serverDate)
    {
        if (serverDate is null)
        {
            return DoctorCheck.Warn(ClockName, "the server's answer had no Date header", "Clock skew could not be measured.", null);
        }
        var skew = context.Time.GetUtcNow() - serverDate.Value;
        var text = $"local clock is {(skew >= TimeSpan.Zero ? "+" : "-")}{Math.Abs(skew.TotalSeconds):0} s from the server's ({serverDate.Value:u})";
        if (skew.Duration() > ServerLeeway)
        {
            return DoctorCheck.Fail(ClockName, text,
                "Tokens carry nbf/exp in seconds and LiveKit allows one minute of skew: tokens minted here are rejected as not yet valid or expired.",
                "Synchronise this machine's clock (NTP), and the server's.");
        }
        if (skew.Duration() > NodeLeeway + TimeSpan.FromSeconds(1))
        {
            return DoctorCheck.Warn(ClockName, text,
                "Within LiveKit's one-minute leeway, but beyond the Node SDK's 10 s: its token and webhook checks would fail.", "Synchronise clocks (NTP).");
        }
        return DoctorCheck.Pass(ClockName, text);
    }
}
