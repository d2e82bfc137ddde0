namespace VoiceFunctions.Functions.Activities;

/// <summary>Acts on a call in LiveKit: transfer the caller, or end the call.</summary>
public interface ICallControl
{
    /// <summary>Transfers the SIP caller to <paramref name="transferTo"/> (sip:, sips: or tel: URI).</summary>
    Task TransferAsync(string roomName, string callerIdentity, string transferTo, CancellationToken ct);

    /// <summary>Ends the call by closing its room (every participant is disconnected). A room already gone is not an error.</summary>
    Task EndCallAsync(string roomName, CancellationToken ct);
}
