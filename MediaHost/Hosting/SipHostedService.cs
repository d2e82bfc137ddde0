using System.Net;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// Runs the SIP stack inside the host: binds the transports, wires policy, authentication and registration,
/// and on shutdown refuses new calls (503) and drains the rest up to the drain timeout, then hangs up what is left
/// with BYE. The drain runs in <see cref="StoppingAsync"/>, which the host calls before it stops any service, so the
/// HTTP server still answers during the drain (readiness 503 "draining", /metrics) and the control plane reporter
/// still sends.
/// </summary>
public sealed class SipHostedService(
    IOptions<SipOptions> options,
    IMediaSessionFactory media,
    ICallHandler handler,
    SipMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggers,
    Func<string, string?>? environment = null,
    ISipMessageObserver? messageObserver = null) : IHostedLifecycleService, IDisposable
{
    private readonly List<ISipTransport> _transports = [];
    private SipUserAgent? _agent;
    private SipRegistration? _registration;
    private CpuAdmission? _cpuAdmission;

    public SipServiceState State { get; private set; } = SipServiceState.Starting;

    public int ActiveCalls => _agent?.ActiveCalls ?? 0;

    public IPEndPoint? UdpEndpoint { get; private set; }

    public IPEndPoint? TcpEndpoint { get; private set; }

    /// <summary>Where SIP over TLS listens, when Sip:TlsPort enables it.</summary>
    public IPEndPoint? TlsEndpoint { get; private set; }

    public bool? Registered => _registration?.IsRegistered;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var readEnvironment = environment ?? Environment.GetEnvironmentVariable;
        var bind = IPAddress.Parse(settings.BindAddress);
        // Resolved before any socket is bound: a name that does not resolve stops the start with the reason.
        var advertised = AdvertisedAddressResolver.Resolve(settings.ExternalAddress);
        var logger = loggers.CreateLogger("VoiceFunctions.MediaHost.Sip");
        var udp = new UdpSipTransport(new IPEndPoint(bind, settings.UdpPort), SipLimits.Default, logger);
        _transports.Add(udp);
        UdpEndpoint = udp.LocalEndpoint;
        if (settings.TcpPort >= 0)
        {
            var tcp = new TcpSipTransport(new IPEndPoint(bind, settings.TcpPort), SipLimits.Default, logger);
            _transports.Add(tcp);
            TcpEndpoint = tcp.LocalEndpoint;
        }
        if (settings.TlsPort >= 0)
        {
            var password = settings.TlsCertificatePasswordEnvironmentVariable is { Length: > 0 } variable ? readEnvironment(variable) : null;
            var tls = new TcpSipTransport(new IPEndPoint(bind, settings.TlsPort), SipLimits.Default, logger, tls: new SipTlsOptions
            {
                Certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(settings.TlsCertificatePath!, password),
                TrustedPeerFingerprints = settings.TlsTrustedPeerFingerprints,
            }, time: time);
            _transports.Add(tls);
            TlsEndpoint = tls.LocalEndpoint;
        }
        var policy = new InboundPolicy(new InboundPolicyOptions
        {
            AllowedNetworks = settings.AllowedNetworks,
            AcceptedNumbers = settings.AcceptedNumbers,
            RejectUnlistedWith403 = settings.RejectUnlistedWith403,
            MaxRequestsPerMinute = settings.MaxRequestsPerMinute,
            MaxCallsPerMinute = settings.MaxCallsPerMinute,
            MaxCallsPerHour = settings.MaxCallsPerHour,
            BanDuration = TimeSpan.FromMinutes(settings.BanMinutes),
        }, time, loggers.CreateLogger("VoiceFunctions.MediaHost.Sip.Policy"));
        DigestServer? inbound = null;
        if (settings.InboundAuthentication is { } account)
        {
            var password = readEnvironment(account.PasswordEnvironmentVariable);
            inbound = new DigestServer(account.Realm, user => user == account.Username ? password : null, time);
        }
        _agent = new SipUserAgent(new SipUserAgentOptions
        {
            MessageObserver = messageObserver,
            AdvertisedAddress = advertised,
            MaxConcurrentCalls = settings.MaxConcurrentCalls,
            MediaEncryption = settings.MediaEncryption,
            InboundAuthentication = inbound,
            CpuAdmission = _cpuAdmission = settings.MaxCpuPercent > 0
                ? new CpuAdmission(ProcessCpuTimeSource.Instance, time, new CpuAdmissionOptions
                {
                    ThresholdPercent = settings.MaxCpuPercent,
                    Window = TimeSpan.FromSeconds(settings.CpuWindowSeconds),
                })
                : null,
        }, _transports, media, new SipCallAnswering(handler, logger), policy, time, logger, metrics);
        _agent.Start();
        if (settings.Registration is { } registration)
        {
            _registration = new SipRegistration(_agent, udp, new SipRegistrationOptions(
                IPEndPoint.Parse(registration.Registrar), registration.Domain,
                new DigestCredentials(registration.Username, readEnvironment(registration.PasswordEnvironmentVariable) ?? ""),
                TimeSpan.FromSeconds(registration.ExpiresSeconds)));
            _registration.Start();
        }
        State = SipServiceState.Running;
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>SIGTERM reaches here first (before any service stops): the drain.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    /// <summary>Drains when <see cref="StoppingAsync"/> did not (a caller that only calls StopAsync).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_agent is null || State is SipServiceState.Draining or SipServiceState.Stopped)
        {
            return;
        }
        State = SipServiceState.Draining;
        _registration?.Dispose();
        await _agent.DrainAsync(TimeSpan.FromSeconds(options.Value.DrainTimeoutSeconds), cancellationToken).ConfigureAwait(false);
        State = SipServiceState.Stopped;
    }

    public void Dispose()
    {
        _registration?.Dispose();
        _cpuAdmission?.Dispose();
        _agent?.Dispose();
        foreach (var transport in _transports)
        {
            transport.Dispose();
        }
    }
}
