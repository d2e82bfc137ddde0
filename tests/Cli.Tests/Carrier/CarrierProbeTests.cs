using System.Net;
using System.Net.Sockets;
using VoiceFunctions.Cli.Tests.Support;

namespace VoiceFunctions.Cli.Tests.Carrier;

/// <summary>doctor's carrier probe against sipp playing the carrier (OPTIONS answered, challenged, forbidden), a closed port, a silent one and no route.</summary>
public class CarrierProbeTests
{
    private static string File(int port, string transport, bool credentials, string host = "127.0.0.1") => LineFiles.Head + $$"""
        outbound_trunks:
          - name: carrier
            address: {{host}}:{{port}}
            transport: {{transport}}
            numbers: ["+79952227978"]
        {{(credentials ? "    auth: {username: \"${NOVOFON_SIP_USER}\", password: \"${NOVOFON_SIP_PASSWORD}\"}\n" : "")}}
        """;

    private static async Task<(VoicectlProcess.Result Result, System.Text.Json.JsonElement Check)> ProbeAsync(SipWorkspace workspace, string yaml, string timeout = "5")
    {
        workspace.Write(yaml);
        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--only", "carrier", "--timeout", timeout, "--json");
        var report = OutputSchema.AssertValid("doctor", result.Output);
        var check = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "carrier");
        return (result, check);
    }

    [SkippableTheory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Carrier_answering_OPTIONS_passes_with_the_round_trip_time(string transport)
    {
        using var carrier = await SippCarrier.StartAsync(200, "OK", tcp: transport == "tcp");
        await using var workspace = await SipWorkspace.StartAsync();

        var (result, check) = await ProbeAsync(workspace, File(carrier.Port, transport, credentials: true));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("pass", check.GetProperty("status").GetString());
        Assert.Matches($@"OPTIONS to 127\.0\.0\.1:{carrier.Port} over {transport.ToUpperInvariant()}: 200 OK in \d+ ms", check.GetProperty("evidence").GetString());
    }

    [SkippableFact]
    public async Task Digest_challenge_fails_when_the_trunk_has_no_credentials_and_passes_when_it_has()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        using (var carrier = await SippCarrier.StartAsync(401, "Unauthorized", tcp: false))
        {
            var (result, check) = await ProbeAsync(workspace, File(carrier.Port, "udp", credentials: false));
            Assert.Equal(ExitCodes.Failed, result.ExitCode);
            Assert.Equal("fail", check.GetProperty("status").GetString());
            Assert.Contains("demands digest authentication and the trunk has no credentials", check.GetProperty("cause").GetString());
        }
        using (var carrier = await SippCarrier.StartAsync(401, "Unauthorized", tcp: false))
        {
            var (result, check) = await ProbeAsync(workspace, File(carrier.Port, "udp", credentials: true));
            Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
            Assert.Contains("401 Unauthorized", check.GetProperty("evidence").GetString());
        }
    }

    [SkippableFact]
    public async Task Forbidden_answer_names_the_carriers_allow_list()
    {
        using var carrier = await SippCarrier.StartAsync(403, "Forbidden", tcp: false);
        await using var workspace = await SipWorkspace.StartAsync();

        var (result, check) = await ProbeAsync(workspace, File(carrier.Port, "udp", credentials: true));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("403 Forbidden", check.GetProperty("evidence").GetString());
        Assert.Contains("allow-list", check.GetProperty("cause").GetString());
    }

    [SkippableFact]
    public async Task MediaHost_registrar_from_its_settings_is_probed_beside_the_trunks_and_its_challenge_passes()
    {
        using var trunk = await SippCarrier.StartAsync(200, "OK", tcp: false);
        using var registrar = await SippCarrier.StartAsync(401, "Unauthorized", tcp: false);
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(File(trunk.Port, "udp", credentials: true));
        var settings = Path.Combine(workspace.Folder, "appsettings.json");
        global::System.IO.File.WriteAllText(settings, """{"Sip": {"Registration": {"Registrar": "sip:127.0.0.1:PORT"}}}""".Replace("PORT", registrar.Port.ToString(global::System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--only", "carrier", "--mediahost-settings", settings, "--timeout", "5", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var checks = OutputSchema.AssertValid("doctor", result.Output).GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("check").GetString() == "carrier").ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("evidence").GetString());
        Assert.Matches($@"OPTIONS to 127\.0\.0\.1:{trunk.Port} over UDP: 200 OK", checks["carrier outbound trunk 'carrier'"]);
        Assert.Matches($@"OPTIONS to 127\.0\.0\.1:{registrar.Port} over UDP: 401 Unauthorized .*digest challenge", checks["carrier the MediaHost's registrar"]);
    }

    [Theory]
    [InlineData("udp", "refused", "ICMP port unreachable")]
    [InlineData("tcp", "refused", "reset the connection")]
    public async Task Closed_port_is_refused_not_silent(string transport, string outcome, string cause)
    {
        await using var workspace = await SipWorkspace.StartAsync();
        var port = transport == "udp" ? TestSupport.FreePort.NextUdp() : TestSupport.FreePort.Next();

        var (result, check) = await ProbeAsync(workspace, File(port, transport, credentials: true));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains($": {outcome} (", check.GetProperty("evidence").GetString());
        Assert.Contains(cause, check.GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Carrier_that_never_answers_is_silent_not_refused()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        // A bound socket that reads nothing: no ICMP, no answer — what a firewall that drops packets looks like.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.LocalEndPoint!).Port;

        var (result, check) = await ProbeAsync(workspace, File(port, "udp", credentials: true), timeout: "1.5");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(": silent (no answer within 1.5 s)", check.GetProperty("evidence").GetString());
        Assert.Contains("firewall", check.GetProperty("cause").GetString());
    }

    [SkippableFact]
    public async Task Carrier_with_no_route_is_unreachable_not_refused_or_silent()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the no-route answer below is Linux's");
        await using var workspace = await SipWorkspace.StartAsync();

        // Linux refuses a TCP connection to the limited broadcast address with "network unreachable" before sending
        // anything: the no-route answer, made without a packet leaving the machine.
        var (result, check) = await ProbeAsync(workspace, File(5060, "tcp", credentials: true, host: "255.255.255.255"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("OPTIONS to 255.255.255.255:5060 over TCP: unreachable (", check.GetProperty("evidence").GetString());
        Assert.Contains("no route", check.GetProperty("cause").GetString());
    }
}
