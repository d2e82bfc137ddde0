using System.Collections.Concurrent;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// The calls this host is running, by the control plane's call id: what <see cref="FinishedCallHangUp"/> may hang up.
/// A call is here from its answer until its handler returns (<see cref="ReportingCallHandler"/>), so the reports sent
/// once it is over (its final quality, its hangup) find nothing to act on.
/// </summary>
public sealed class LiveCallSessions
{
    private readonly ConcurrentDictionary<string, ICallSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public void Add(string callId, ICallSession session) => _sessions[callId] = session;

    /// <summary>Removes the call, only if it is still this session (a later call under the same id stays).</summary>
    public void Remove(string callId, ICallSession session) => _sessions.TryRemove(new KeyValuePair<string, ICallSession>(callId, session));

    /// <summary>The call's session while it is running and not ended yet.</summary>
    public bool TryGetLive(string callId, out ICallSession session)
    {
        if (_sessions.TryGetValue(callId, out var found) && !found.Ended.IsCompleted)
        {
            session = found;
            return true;
        }
        session = null!;
        return false;
    }
}
