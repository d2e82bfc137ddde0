using VoiceFunctions.Shared.Resilience;

namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>
/// Any failure of a LiveKit server API call. <see cref="LiveKitApiException"/> is an answer from the
/// server (a Twirp error or an error status); <see cref="LiveKitConnectionException"/>,
/// <see cref="LiveKitTimeoutException"/> and <see cref="LiveKitCircuitOpenException"/> mean no answer.
/// Messages never contain the API secret or a token.
/// </summary>
public abstract class LiveKitException : Exception, ITransientFailure
{
    protected LiveKitException(string method, string message, Exception? inner = null)
        : base(message, inner)
    {
        Method = method;
    }

    /// <summary>"Service/Method", e.g. "SIP/CreateSIPParticipant".</summary>
    public string Method { get; }

    public abstract bool IsTransient { get; }
}
