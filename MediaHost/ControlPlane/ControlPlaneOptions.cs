using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Where and how the MediaHost reports its calls to the control plane (AgentEvents). Bound from
/// ControlPlane:BaseUrl and AgentEvents:KeyId / AgentEvents:Secret (environment: ControlPlane__BaseUrl...).
/// </summary>
public sealed class ControlPlaneOptions
{
    public const string Section = "ControlPlane";
    public const int MinSecretLength = 32;

    /// <summary>The control plane's base URL; events go to {BaseUrl}/api/calls/{callId}/events. Empty = no reporting.</summary>
    public string BaseUrl { get; set; } = "";
    public string KeyId { get; set; } = "mediahost";
    public string Secret { get; set; } = "";
    /// <summary>Events waiting to be sent; when full, new events are dropped (and counted), never waited for.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 4096;
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// Attempts per event (timeouts, 5xx, network errors and a not-yet-known call are retried). Default 6: with the
    /// doubling delay from 250 ms that is about 8 s of waiting, enough to ride out a control-plane restart or a storage
    /// blip (the system drills restart both mid-call) without holding the queue for long.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>
    /// Events sent at once, each call's one at a time and in order. Default 8: one at a time, a host with hundreds of
    /// calls waits on every request's round trip in turn (a loaded control plane took seconds per event, and a live
    /// call's end then arrived after its silence timeout had closed it as lost), and one call's retries held up all.
    /// </summary>
    [Range(1, 64)]
    public int SendConcurrency { get; set; } = 8;
    /// <summary>On shutdown, how long queued events may still be sent (the drained calls' hangup reports). Default 5 s.</summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// LiveKit mode: report a call under the control plane's call id that the INVITE carries in
    /// X-VoiceFunctions-Call-Id (the dispatcher asks LiveKit SIP to send it). Default false: in direct mode
    /// the INVITE comes from any SIP peer, which must not be able to name (and write into) another call, so
    /// each call gets its own id from its SIP Call-ID. Turn it on only where INVITEs come from LiveKit SIP.
    /// </summary>
    public bool CallIdFromSipHeader { get; set; }

    /// <summary>
    /// How often a call still in progress reports its audio quality (the end-of-call report is always sent). Default
    /// 30 s: a long call's record shows how it is going without a report per turn; 0 turns the periodic reports off.
    /// </summary>
    public TimeSpan QualityReportInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This MediaHost's id: named on each call's record and in its heartbeat (1 to 64 letters, digits, '.', '_' or '-').
    /// Default: the machine name (a Kubernetes pod or node name), made valid; set it where two hosts share a machine.
    /// </summary>
    public string HostId { get; set; } = "";

    /// <summary>
    /// How often the host tells the control plane it is alive, with its calls' ids. Default 5 s: the control plane
    /// presumes the host lost after three missed heartbeats (15 s) and closes its calls as MediaHostLost, instead of
    /// after the direct-mode silence timeout (60 s). One request per host, whatever its number of calls. 0 turns it off.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The host id in use: <see cref="HostId"/>, or the machine name made valid.</summary>
    public string EffectiveHostId => HostId is { Length: > 0 } id ? id : Shared.MediaHosts.MediaHostIds.From(Environment.MachineName);

    public override string ToString() => $"ControlPlaneOptions {{ BaseUrl = {BaseUrl}, KeyId = {KeyId}, Secret = <redacted> }}";
}
