using System.Net;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>What the user agent core needs at run time (the hosting layer maps validated SipOptions onto it).</summary>
public sealed record SipUserAgentOptions
{
    /// <summary>The address we put in Via, Contact and SDP: the external address behind NAT. Null: the bound address.</summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>The user part of our Contact URI.</summary>
    public string ContactUser { get; init; } = "mediahost";

    /// <summary>Sent in User-Agent/Server headers. Deliberately bland: no version for scanners to match.</summary>
    public string ProductName { get; init; } = "VoiceFunctions";

    /// <summary>SDES-SRTP for calls (default off: plain RTP). Keys travel in the SDP, so pair Allowed/Required with SIP over TLS.</summary>
    public Sdp.MediaEncryption MediaEncryption { get; init; } = Sdp.MediaEncryption.Off;

    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;

    /// <summary>Concurrent calls beyond this are refused with 503 (default 100).</summary>
    public int MaxConcurrentCalls { get; init; } = 100;

    /// <summary>When set, new INVITEs get 503 (with its Retry-After) while the process is short of CPU. Null: no CPU check.</summary>
    public Policy.CpuAdmission? CpuAdmission { get; init; }

    /// <summary>Headers of the INVITE exposed to the call handler (prefix match, case-insensitive).</summary>
    public IReadOnlyList<string> ExposedHeaderPrefixes { get; init; } = ["X-"];

    /// <summary>How long a transfer may take before TransferAsync gives up (default 30 s).</summary>
    public TimeSpan TransferTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, new INVITEs must carry digest credentials for this server's realm (401 challenge otherwise).</summary>
    public Auth.DigestServer? InboundAuthentication { get; init; }

    /// <summary>Told of every message processed and sent (the call timeline's SIP summary). Null: nobody is told.</summary>
    public ISipMessageObserver? MessageObserver { get; init; }

    public const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY";
}
