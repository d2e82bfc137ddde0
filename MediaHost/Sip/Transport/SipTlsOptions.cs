using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>
/// SIP over TLS (RFC 3261 section 26.2, RFC 5630): our certificate, the protocol floor and which peers we trust when we
/// connect. The certificate comes from configuration (a PFX file) or Key Vault; it is never logged.
/// </summary>
public sealed class SipTlsOptions
{
    /// <summary>Our certificate with its private key: presented to callers, and to trunks when we connect.</summary>
    public required X509Certificate2 Certificate { get; init; }

    /// <summary>Allowed protocol versions (default TLS 1.2 and 1.3; nothing older is accepted).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// SHA-256 fingerprints (hex, colons optional) of peer certificates trusted beyond the system's roots: a trunk with a
    /// self-signed certificate is pinned here rather than trusted blindly. Empty: only certificates the system trusts.
    /// </summary>
    public IReadOnlyList<string> TrustedPeerFingerprints { get; init; } = [];

    /// <summary>How long a TLS handshake may take before the connection is dropped (default 10 s).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when the options would weaken the transport: no private key, or a protocol older than TLS 1.2.</summary>
    public void Validate()
    {
        if (!Certificate.HasPrivateKey)
        {
            throw new ArgumentException("the SIP TLS certificate has no private key", nameof(Certificate));
        }
#pragma warning disable SYSLIB0039, CS0618 // naming the old protocols is how they are refused
        const SslProtocols tooOld = SslProtocols.Ssl2 | SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11;
#pragma warning restore SYSLIB0039, CS0618
        if ((Protocols & tooOld) != 0 || Protocols == SslProtocols.None)
        {
            throw new ArgumentException($"SIP TLS protocols must be TLS 1.2 or later, not {Protocols}", nameof(Protocols));
        }
        if (HandshakeTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("the TLS handshake timeout must be positive", nameof(HandshakeTimeout));
        }
    }
}
