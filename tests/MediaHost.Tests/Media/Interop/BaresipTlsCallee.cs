using System.Net;
using System.Security.Cryptography.X509Certificates;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Sip.Transport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// A MediaHost on loopback with SIP over TLS and the real media path, and baresip answering on its TLS listener (its SIP
/// port + 1) with PCMU, playing <see cref="BaresipAudioInteropTests.PeerTone"/>. Each side's certificate is made here;
/// we trust baresip's by fingerprint. Everything is deleted on disposal.
/// </summary>
internal sealed class BaresipTlsCallee : IAsyncDisposable
{
    private readonly X509Certificate2 _ours;
    private readonly X509Certificate2 _theirs;
    private readonly string _pem;
    private readonly BaresipAudioPeer _baresip;

    private BaresipTlsCallee(X509Certificate2 ours, X509Certificate2 theirs, string pem, LoopbackMediaHost host, CapturingMediaSessionFactory media, BaresipAudioPeer baresip)
    {
        _ours = ours;
        _theirs = theirs;
        _pem = pem;
        Host = host;
        Media = media;
        _baresip = baresip;
    }

    public LoopbackMediaHost Host { get; }

    /// <summary>The media sessions our calls got (their SRTP and SRTCP counters).</summary>
    public CapturingMediaSessionFactory Media { get; }

    public Support.BaresipPeer Peer => _baresip.Peer;

    /// <param name="accountParameters">baresip's account parameters, e.g. ";mediaenc=srtp-mand" (SDES required).</param>
    /// <param name="srtpModule">Load baresip's srtp module; without it baresip knows nothing of SDES.</param>
    public static async Task<BaresipTlsCallee> StartAsync(string accountParameters, bool srtpModule)
    {
        var ours = TestCertificates.Loopback("mediahost");
        var theirs = TestCertificates.Loopback("baresip");
        var pem = TestCertificates.WritePem(theirs, Path.Combine(Path.GetTempPath(), $"baresip-{Guid.NewGuid():N}.pem"));
        CapturingMediaSessionFactory? media = null;
        LoopbackMediaHost? host = null;
        try
        {
            host = new LoopbackMediaHost(new ProbeCallHandler([]), wrapMedia: inner => media = new CapturingMediaSessionFactory(inner),
                tls: new SipTlsOptions { Certificate = ours, TrustedPeerFingerprints = [TestCertificates.Fingerprint(theirs)] });
            List<string> config = [$"sip_certificate {pem}"];
            if (srtpModule)
            {
                config.Add("module srtp.so");
            }
            var baresip = await BaresipAudioPeer.StartAsync("PCMU", BaresipAudioInteropTests.PeerTone("PCMU"), config, accountParameters);
            return new BaresipTlsCallee(ours, theirs, pem, host, media!, baresip);
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            ours.Dispose();
            theirs.Dispose();
            File.Delete(pem);
            throw;
        }
    }

    /// <summary>Our call to baresip over TLS under <paramref name="encryption"/>, offering <paramref name="suite"/> only (null: both suites).</summary>
    public SipOutboundCallRequest Request(MediaEncryption encryption, SrtpSuite? suite = null)
    {
        var tls = new IPEndPoint(IPAddress.Loopback, Peer.SipEndpoint.Port + 1);
        return new SipOutboundCallRequest($"sip:{Peer.Options.User}@{tls};transport=tls", tls, "mediahost", MediaEncryption: encryption,
            SrtpSuites: suite is null ? null : [suite]);
    }

    public async ValueTask DisposeAsync()
    {
        _baresip.Dispose();
        await Host.DisposeAsync();
        _ours.Dispose();
        _theirs.Dispose();
        File.Delete(_pem);
    }
}
