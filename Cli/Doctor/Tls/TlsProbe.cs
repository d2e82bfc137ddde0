using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.Cli.Doctor.Tls;

/// <summary>
/// Connects to host:port and shakes hands as a client would (SNI = host), recording the certificate, name and
/// chain problems instead of failing on them, so the check can say exactly what is wrong. Extra trust anchors
/// (--ca-file) are added for private CAs. The expiry is judged by the check against the injected clock.
/// </summary>
public sealed class TlsProbe(TimeSpan timeout, X509Certificate2Collection? extraRoots, TimeProvider time)
{
    public async Task<TlsHandshake> HandshakeAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        X509Certificate2? certificate = null;
        var errors = SslPolicyErrors.None;
        var chainProblems = new List<string>();
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, limit.Token);
            await using var ssl = new SslStream(client.GetStream(), false, (_, cert, chain, policy) =>
            {
                if (cert is not null)
                {
                    certificate = new X509Certificate2(cert);
                }
                errors = policy;
                if (certificate is not null)
                {
                    chainProblems.AddRange(ChainProblems(certificate, chain, ref errors));
                }
                return true;
            });
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                // Offer everything the platform allows, so a server stuck on TLS 1.0/1.1 is seen as such (where the
                // platform still speaks it) instead of as a bare failure.
                EnabledSslProtocols = SslProtocols.None,
            }, limit.Token);
            return new TlsHandshake(ssl.SslProtocol, certificate, errors, chainProblems, null);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? $"no TLS handshake within {timeout.TotalSeconds:0.#} s" : Reason(e);
            return new TlsHandshake(SslProtocols.None, certificate, errors, chainProblems, error);
        }
    }

    /// <summary>The chain's problems, rebuilt with the extra roots when some are given (a private CA's server then verifies).</summary>
    private IEnumerable<string> ChainProblems(X509Certificate2 certificate, X509Chain? platformChain, ref SslPolicyErrors errors)
    {
        if (extraRoots is null || extraRoots.Count == 0)
        {
            return platformChain?.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError).Select(Describe).ToArray() ?? [];
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(extraRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var trusted = chain.Build(certificate);
        errors = trusted ? errors & ~SslPolicyErrors.RemoteCertificateChainErrors : errors | SslPolicyErrors.RemoteCertificateChainErrors;
        return chain.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError).Select(Describe).ToArray();
    }

    /// <summary>The failure in its own words down to the TLS library's (SslStream says only "see inner exception").</summary>
    private static string Reason(Exception e)
    {
        var message = e.Message.Replace(", see inner exception.", "", StringComparison.Ordinal).TrimEnd('.');
        return e.InnerException is { } inner ? $"{message}: {Reason(inner)}" : message;
    }

    private static string Describe(X509ChainStatus status) => $"{status.Status}: {status.StatusInformation.Trim()}";
}
