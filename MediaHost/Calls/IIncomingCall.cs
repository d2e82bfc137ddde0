namespace VoiceFunctions.MediaHost.Calls;

/// <summary>A call that has arrived and is ringing: the handler answers or rejects it exactly once.</summary>
public interface IIncomingCall
{
    InboundCall Call { get; }

    /// <summary>Sends 200 OK with the negotiated SDP, starts media, and returns the live session.</summary>
    Task<ICallSession> AnswerAsync(CancellationToken cancellationToken);

    /// <summary>Refuses the call with a final SIP status (for example 486 Busy Here, 503 Service Unavailable).</summary>
    Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken);
}

/// <summary>What answers calls: the built-in answering behaviour until the AI loop exists, then the agent.</summary>
public interface ICallHandler
{
    Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken);
}
