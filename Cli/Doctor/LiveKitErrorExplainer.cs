using System.Text.RegularExpressions;
using VoiceFunctions.Shared.LiveKit.Api.Errors;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Turns a failed LiveKit API call into the likely cause and fix, without repeating any token.</summary>
public static partial class LiveKitErrorExplainer
{
    public static DoctorCheck Explain(string check, string url, LiveKitException error, TimeSpan timeout)
    {
        var evidence = Redact(error.Message);
        switch (error)
        {
            case LiveKitTimeoutException:
                return DoctorCheck.Fail(check, $"no answer within {timeout.TotalSeconds:0.#} s: {evidence}",
                    "The server accepts connections but answers too slowly: overloaded, or a proxy in front of it holds requests.",
                    "Check livekit-server's CPU and logs and any proxy in between; run doctor with a larger --timeout to measure.");
            case LiveKitConnectionException:
                return DoctorCheck.Fail(check, evidence,
                    $"Nothing answers at {url}: the server is down, the port is wrong, or a firewall drops the connection.",
                    "Check livekit.url in voice.yaml and that livekit-server is running and reachable from here.");
            case LiveKitApiException api when api.HttpStatus == 401 && api.ServerMessage.Contains("invalid API key", StringComparison.Ordinal):
                return DoctorCheck.Fail(check, evidence,
                    "The server does not know this API key: it is not among livekit-server's keys.",
                    "Set the key variable to a key from livekit-server's config (keys:), with its secret.");
            case LiveKitApiException api when api.HttpStatus == 401 && api.ServerMessage.Contains("permissions denied", StringComparison.Ordinal):
                return DoctorCheck.Fail(check, evidence,
                    "The key is valid but the token lacked the grant this method needs.",
                    "This is a voicectl bug if it persists; report it with the evidence.");
            case LiveKitApiException api when api.HttpStatus == 401:
                return DoctorCheck.Fail(check, evidence,
                    "The API secret does not match the key: the token's signature does not verify (or the clocks differ by more than a minute).",
                    "Set the secret variable to the secret paired with this key in livekit-server's config; check the clock check below.");
            case LiveKitApiException api when api.ServerMessage.Contains("redis required", StringComparison.Ordinal):
                return DoctorCheck.Fail(check, evidence,
                    "livekit-server runs without Redis, so SIP is off: the bridge and the server talk only through Redis.",
                    "Configure redis: in livekit-server and the same Redis (address and db) in the SIP bridge.");
            case LiveKitApiException api when api.HttpStatus == 404 && api.Code == TwirpErrorCode.BadRoute:
                return DoctorCheck.Fail(check, evidence,
                    "The URL answers but not as a LiveKit server (wrong host or path, or a proxy that does not pass /twirp).",
                    "Point livekit.url at livekit-server itself.");
            default:
                return DoctorCheck.Fail(check, evidence, "The server refused the call.", "See the evidence; livekit-server's log has the details.");
        }
    }

    /// <summary>LiveKit echoes rejected tokens in its messages; never print them.</summary>
    public static string Redact(string text) => Jwt().Replace(text, "<token>");

    [GeneratedRegex(@"ey[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();
}
