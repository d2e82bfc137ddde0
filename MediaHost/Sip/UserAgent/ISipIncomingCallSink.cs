using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Where the user agent hands each new call it received (ringing, 180 sent): the call layer composes the signalling
/// leg with its media session and runs the call handler. Called under the stack lock: it must return at once.
/// </summary>
public interface ISipIncomingCallSink
{
    void CallArrived(ISipInboundLeg leg, IMediaSession media);
}
