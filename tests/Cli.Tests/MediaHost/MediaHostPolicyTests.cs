using System.Diagnostics;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests.MediaHost;

/// <summary>The real MediaHost process against voicectl: its /health as doctor reads it, and its inbound policy as sip simulate --direct predicts it.</summary>
public class MediaHostPolicyTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Sip__TcpPort"] = "-1",
        ["AiLoop__Enabled"] = "false",
        ["Sip__AllowedNetworks__0"] = "127.0.0.0/8",
        ["Sip__AcceptedNumbers__0"] = "+74950000000",
    };

    [SkippableFact]
    public async Task Simulated_direct_call_is_refused_with_the_same_404_the_real_MediaHost_sends()
    {
        RequiredTool.Command("sipp", "scripts/install-test-deps.sh (Debian sip-tester)");
        await using var host = await MediaHostProcess.StartAsync(Settings, rtpBase: 41000);
        await using var workspace = await SipWorkspace.StartAsync();
        var settings = Path.Combine(workspace.Folder, "appsettings.json");
        File.WriteAllText(settings, """{"Sip": {"AllowedNetworks": ["127.0.0.0/8"], "AcceptedNumbers": ["+74950000000"]}}""");

        var simulated = await workspace.RunAsync("sip", "simulate", settings, "--direct", "--from", "+79990001122", "--to", "+74950000999", "--source", "127.0.0.1", "--json");
        var real = await InviteAsync(workspace.Folder, host, "+74950000999");

        Assert.Equal(ExitCodes.Failed, simulated.ExitCode);
        Assert.Equal("404 Not Found", OutputSchema.AssertValid("sip-simulate", simulated.Output).GetProperty("sipResponse").GetString());
        Assert.True(real.ExitCode == 0, "the MediaHost did not answer the INVITE with 404: " + real.Output);
    }

    [SkippableFact]
    public async Task Doctor_reads_the_real_MediaHosts_health_and_SIP_state()
    {
        await using var host = await MediaHostProcess.StartAsync(Settings, rtpBase: 42000);
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.Head + $"""
            media_host:
              sip_address: 127.0.0.1:{host.SipEndpoint.Port}
              health_url: http://127.0.0.1:{host.HttpPort}/health

            """);

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--only", "mediahost", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var check = OutputSchema.AssertValid("doctor", result.Output).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "mediahost");
        Assert.Equal("pass", check.GetProperty("status").GetString());
        Assert.Contains("status ok, SIP Running, 0 calls in progress", check.GetProperty("evidence").GetString());
    }

    /// <summary>sipp sends one INVITE to <paramref name="number"/> and succeeds only if the answer is 404 (then ACKs it).</summary>
    private static async Task<(int ExitCode, string Output)> InviteAsync(string folder, MediaHostProcess host, string number)
    {
        var scenario = Path.Combine(folder, "invite-expect-404.xml");
        File.WriteAllText(scenario, $$"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="INVITE refused with 404">
              <send retrans="500">
                <![CDATA[
            INVITE sip:{{number}}@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:+79990001122@[local_ip]>;tag=[pid]tag[call_number]
            To: <sip:{{number}}@[remote_ip]:[remote_port]>
            Call-ID: [call_id]
            CSeq: 1 INVITE
            Contact: <sip:caller@[local_ip]:[local_port]>
            Max-Forwards: 70
            Content-Length: 0

                ]]>
              </send>
              <recv response="100" optional="true"/>
              <recv response="404"/>
              <send>
                <![CDATA[
            ACK sip:{{number}}@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:+79990001122@[local_ip]>;tag=[pid]tag[call_number]
            [last_To:]
            Call-ID: [call_id]
            CSeq: 1 ACK
            Max-Forwards: 70
            Content-Length: 0

                ]]>
              </send>
            </scenario>
            """);
        var start = new ProcessStartInfo(RequiredTool.Command("sipp", "scripts/install-test-deps.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[] { $"127.0.0.1:{host.SipEndpoint.Port}", "-sf", scenario, "-i", "127.0.0.1", "-p", FreePort.NextUdp().ToString(), "-m", "1", "-nostdin", "-timeout", "15s", "-timeout_error" })
        {
            start.ArgumentList.Add(arg);
        }
        using var sipp = Process.Start(start)!;
        var output = sipp.StandardOutput.ReadToEndAsync();
        var error = sipp.StandardError.ReadToEndAsync();
        await sipp.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (sipp.ExitCode, await error + await output);
    }
}
