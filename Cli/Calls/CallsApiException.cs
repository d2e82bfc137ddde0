namespace VoiceFunctions.Cli.Calls;

/// <summary>The call-history API refused a request; the message is the API's own text.</summary>
public sealed class CallsApiException(int status, string text)
    : Exception($"HTTP {status}: {text}")
{
    public int Status { get; } = status;
}
