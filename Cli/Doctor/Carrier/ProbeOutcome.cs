namespace VoiceFunctions.Cli.Doctor.Carrier;

/// <summary>How a SIP OPTIONS probe ended; each has a different cause, so doctor names them apart.</summary>
public enum ProbeOutcome
{
    /// <summary>A SIP response came (any status).</summary>
    Answered,

    /// <summary>The host name does not resolve.</summary>
    Unresolvable,

    /// <summary>The host answered "nothing here": TCP reset, or ICMP port unreachable for UDP.</summary>
    Refused,

    /// <summary>No route to the host or network (ICMP host/network unreachable).</summary>
    Unreachable,

    /// <summary>Nothing came back within the timeout: packets dropped by a firewall, or the host is down.</summary>
    Silent,

    /// <summary>The TLS handshake failed (certificate, protocol or not TLS at all).</summary>
    TlsFailed,
}
