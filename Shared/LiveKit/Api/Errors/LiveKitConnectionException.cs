namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>
/// No answer from the server: the connection was refused, reset or dropped before a response arrived,
/// or the host could not be resolved. Not a Twirp error.
/// </summary>
public sealed class LiveKitConnectionException(string method, string detail, Exception inner)
    : LiveKitException(method, $"LiveKit {method} failed: no response from the server ({detail})", inner)
{
    /// <summary>A refused, reset or dropped connection may work next time; a bad URL or TLS failure will not.</summary>
    public override bool IsTransient { get; } = detail is not ("name resolution failed" or "secure connection failed");
}
