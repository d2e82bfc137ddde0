using VoiceFunctions.Shared.LiveKit.Api.Errors;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>What the loopback server does instead of (or before) answering a call.</summary>
public sealed record LoopbackFault
{
    /// <summary>Answer with this Twirp error.</summary>
    public TwirpErrorCode? TwirpError { get; init; }

    public string Message { get; init; } = "injected fault";

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary>Answer with this raw HTTP status and body instead (e.g. a gateway's 502 in text/plain).</summary>
    public int? HttpStatus { get; init; }

    public string Body { get; init; } = "";

    public string ContentType { get; init; } = "text/plain; charset=utf-8";

    /// <summary>Close the connection without any response.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Wait this long (real time, cancelled when the client gives up) before going on.</summary>
    public TimeSpan Delay { get; init; }
}
