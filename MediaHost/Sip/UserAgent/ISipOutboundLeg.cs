namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>A call we placed, as signalling.</summary>
public interface ISipOutboundLeg : ISipCallSignalling
{
    /// <summary>Us and the callee.</summary>
    SipCallParties Parties { get; }

    /// <summary>
    /// Completes when the callee answers; fails with <see cref="SipCallFailedException"/> (refused, challenged without
    /// credentials) or an unusable answer, and is cancelled when we gave up before the answer.
    /// </summary>
    Task Answered { get; }
}
