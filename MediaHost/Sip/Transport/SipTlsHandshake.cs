using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>Turns an accepted or connected stream into an authenticated TLS stream, within the handshake timeout.</summary>
internal static class SipTlsHandshake
{
    public static async Task<Stream> SecureAsync(Stream stream, bool asClient, IPEndPoint remote, SipTlsOptions options, TimeProvider time, CancellationToken stopping)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            if (asClient)
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = remote.Address.ToString(),
                    EnabledSslProtocols = options.Protocols,
                    ClientCertificates = [options.Certificate],
                    RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, options),
                }, linked.Token).ConfigureAwait(false);
            }
            else
            {
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = options.Certificate,
                    EnabledSslProtocols = options.Protocols,
                    ClientCertificateRequired = false,
                }, linked.Token).ConfigureAwait(false);
            }
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A peer is trusted when the system's roots vouch for it, or its certificate is pinned by fingerprint.</summary>
    internal static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, SipTlsOptions options)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || options.TrustedPeerFingerprints.Count == 0)
        {
            return false;
        }
        var fingerprint = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        return options.TrustedPeerFingerprints.Any(pinned => string.Equals(pinned.Replace(":", "", StringComparison.Ordinal), fingerprint, StringComparison.OrdinalIgnoreCase));
    }
}
