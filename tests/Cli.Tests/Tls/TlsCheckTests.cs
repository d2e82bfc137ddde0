using System.Net.Security;
using System.Security.Authentication;
using VoiceFunctions.Cli.Doctor;
using VoiceFunctions.Cli.Doctor.Tls;
using VoiceFunctions.Cli.Tests.Support;

namespace VoiceFunctions.Cli.Tests.Tls;

/// <summary>doctor's TLS check against TLS listeners made in the test: valid, untrusted, expired, expiring, wrong name, not TLS, TLS 1.1 only (openssl s_server).</summary>
public class TlsCheckTests
{
    private static async Task<(VoicectlProcess.Result Result, System.Text.Json.JsonElement Check)> CheckAsync(int port, string? caPem)
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Environment["LIVEKIT_URL"] = $"wss://localhost:{port}";
        workspace.Write(LineFiles.Head);
        List<string> args = ["doctor", workspace.FilePath, "--only", "tls", "--json", "--timeout", "5"];
        if (caPem is not null)
        {
            var ca = Path.Combine(workspace.Folder, "ca.pem");
            File.WriteAllText(ca, caPem);
            args.AddRange(["--ca-file", ca]);
        }
        var result = await workspace.RunAsync([.. args]);
        var report = OutputSchema.AssertValid("doctor", result.Output);
        return (result, report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "tls"));
    }

    [Fact]
    public async Task Valid_certificate_from_a_trusted_CA_passes_with_the_protocol_and_expiry()
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        await using var listener = new TlsTestListener(certificates.Server("localhost", now.AddDays(-1), now.AddDays(90)));

        var (result, check) = await CheckAsync(listener.Port, certificates.AuthorityPem);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("pass", check.GetProperty("status").GetString());
        Assert.Matches(@"localhost:\d+: TLS 1\.[23], certificate localhost issued by voicectl test CA", check.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Certificate_from_an_unknown_CA_fails_and_points_at_ca_file()
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        await using var listener = new TlsTestListener(certificates.Server("localhost", now.AddDays(-1), now.AddDays(90)));

        var (result, check) = await CheckAsync(listener.Port, caPem: null);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("--ca-file", check.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task Expired_certificate_fails()
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        await using var listener = new TlsTestListener(certificates.Server("localhost", now.AddDays(-20), now.AddDays(-2)));

        var (result, check) = await CheckAsync(listener.Port, certificates.AuthorityPem);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("(EXPIRED 2 days ago)", check.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Certificate_expiring_within_14_days_warns_but_does_not_fail()
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        await using var listener = new TlsTestListener(certificates.Server("localhost", now.AddDays(-60), now.AddDays(5)));

        var (result, check) = await CheckAsync(listener.Port, certificates.AuthorityPem);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("warn", check.GetProperty("status").GetString());
        Assert.Contains("expires within 14 days", check.GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Certificate_for_another_name_fails_as_a_name_mismatch()
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        await using var listener = new TlsTestListener(certificates.Server("other.example", now.AddDays(-1), now.AddDays(90)));

        var (result, check) = await CheckAsync(listener.Port, certificates.AuthorityPem);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("(not valid for localhost)", check.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Port_without_TLS_fails_the_handshake()
    {
        await using var listener = new TlsTestListener(certificate: null);

        var (result, check) = await CheckAsync(listener.Port, caPem: null);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("handshake failed", check.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Carrier_probe_over_TLS_sends_OPTIONS_inside_the_TLS_session()
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        await using var listener = new TlsTestListener(certificates.Server("localhost", now.AddDays(-1), now.AddDays(90)), answerSip: true);
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.Head + $$"""
            outbound_trunks:
              - name: carrier-tls
                address: localhost:{{listener.Port}}
                transport: tls
                numbers: ["+79952227978"]
                auth: {username: "${NOVOFON_SIP_USER}", password: "${NOVOFON_SIP_PASSWORD}"}

            """);
        var ca = Path.Combine(workspace.Folder, "ca.pem");
        File.WriteAllText(ca, certificates.AuthorityPem);

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--only", "carrier,tls", "--ca-file", ca, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var checks = OutputSchema.AssertValid("doctor", result.Output).GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("check").GetString()!);
        Assert.Matches($@"OPTIONS to localhost:{listener.Port} over TLS: 200 OK in \d+ ms", checks["carrier"].GetProperty("evidence").GetString());
        Assert.Equal("tls outbound trunk 'carrier-tls'", checks["tls"].GetProperty("name").GetString());
        Assert.Equal("pass", checks["tls"].GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Server_offering_only_TLS_1_1_fails_as_an_old_protocol()
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        using var server = await OpenSslOldProtocolServer.StartAsync(certificates.Server("localhost", now.AddDays(-1), now.AddDays(90)));

        var (result, check) = await CheckAsync(server.Port, certificates.AuthorityPem);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("fail", check.GetProperty("status").GetString());
        // The evidence carries the TLS library's own reason, not SslStream's "see inner exception".
        Assert.Matches($@"^localhost:{server.Port}: handshake failed: Authentication failed: .*SSL routines", check.GetProperty("evidence").GetString());
        Assert.Contains("offers only old protocols", check.GetProperty("cause").GetString());
    }

    [Theory]
    [InlineData(768, "TLS 1.1")]
    [InlineData(192, "TLS 1.0")]
    public void Protocol_older_than_TLS_1_2_fails(int protocol, string name)
    {
        // The platform's OpenSSL refuses TLS 1.0/1.1 itself, so no handshake here can end in them: judged directly (a
        // server offering only TLS 1.1 is refused in the handshake: Server_offering_only_TLS_1_1_fails_as_an_old_protocol).
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        using var certificate = certificates.Server("localhost", now.AddDays(-1), now.AddDays(90));
        var handshake = new TlsHandshake((SslProtocols)protocol, certificate, SslPolicyErrors.None, [], null);

        var check = TlsChecks.Judge("livekit url", "localhost", 443, handshake, now);

        Assert.Equal(DoctorStatus.Fail, check.Status);
        Assert.Contains(name, check.Evidence);
        Assert.Contains("older than TLS 1.2", check.Cause);
    }
}
