using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Sees each SIP message the user agent accepts for processing (after the inbound policy) and each one it sends,
/// for diagnostics such as the call timeline. Called under the stack lock: it must be quick and not throw.
/// </summary>
public interface ISipMessageObserver
{
    void Observe(SipMessage message, bool sent);
}
