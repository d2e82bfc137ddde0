using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.Cli.Doctor.Tls;

/// <summary>
/// Judges a TLS endpoint: the handshake works at TLS 1.2 or newer, the certificate is for the name we dial, its
/// chain is trusted, and it is valid now; expiry within 14 days warns (renewal is due and often forgotten).
/// </summary>
public static class TlsChecks
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(14);

    public static DoctorCheck Judge(string label, string host, int port, TlsHandshake handshake, DateTimeOffset now)
    {
        var name = "tls " + label;
        var where = $"{host}:{port}";
        if (handshake.Error is { } error)
        {
            return DoctorCheck.Fail(name, $"{where}: handshake failed: {error}",
                "No TLS 1.2+ handshake: the port does not speak TLS, or the server offers only old protocols or ciphers.",
                "Check the port, and that the server enables TLS 1.2 or 1.3.");
        }
        var certificate = handshake.Certificate!;
        var protocol = ProtocolName(handshake.Protocol);
        var subject = certificate.GetNameInfo(X509NameType.SimpleName, false);
        var left = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()) - now;
        var evidence = $"{where}: {protocol}, certificate {subject} issued by {certificate.GetNameInfo(X509NameType.SimpleName, true)}, valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}";
        if (handshake.Protocol is not (SslProtocols.Tls12 or SslProtocols.Tls13))
        {
            return DoctorCheck.Fail(name, evidence, $"The server negotiated {protocol}; LiveKit clients, Azure and most carriers refuse anything older than TLS 1.2.",
                "Enable TLS 1.2 and 1.3 on the server and disable 1.0/1.1.");
        }
        if (left < TimeSpan.Zero || new DateTimeOffset(certificate.NotBefore.ToUniversalTime()) > now)
        {
            return DoctorCheck.Fail(name, evidence + (left < TimeSpan.Zero ? $" (EXPIRED {-left.TotalDays:0} days ago)" : " (not valid yet)"),
                "Clients refuse the certificate: it is outside its validity period.", "Renew the certificate (and check this machine's clock).");
        }
        if (handshake.PolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return DoctorCheck.Fail(name, evidence + $" (not valid for {host})",
                $"The certificate does not name {host}: clients refuse it (and SNI may pick the wrong certificate).",
                $"Install a certificate whose subject alternative names include {host}, or dial the name it has.");
        }
        if (handshake.PolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            return DoctorCheck.Fail(name, evidence + $" (chain: {string.Join("; ", handshake.ChainProblems.DefaultIfEmpty("not trusted"))})",
                "The certificate does not chain to a trusted root: self-signed, a private CA, or a missing intermediate.",
                "Serve the full chain from a public CA, or give doctor --ca-file with your private CA.");
        }
        if (left < ExpiryWarning)
        {
            return DoctorCheck.Warn(name, evidence + $" (expires in {left.TotalDays:0.#} days)",
                "The certificate expires within 14 days; when it does, every client refuses the server.", "Renew it now.");
        }
        return DoctorCheck.Pass(name, evidence);
    }

    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        // Named by number: the enum members of TLS 1.0/1.1 are obsolete (and warnings are errors).
        (SslProtocols)768 => "TLS 1.1",
        (SslProtocols)192 => "TLS 1.0",
        _ => protocol.ToString(),
    };
}
