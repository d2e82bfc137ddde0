using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Campaigns;

/// <summary>
/// The real sipp as every callee of a campaign (campaign-callee.xml) on 127.0.0.1, logging each message it receives,
/// so a test counts the INVITEs (distinct Call-IDs) each number got and when.
/// </summary>
internal sealed partial class CampaignCallees : IDisposable
{
    private readonly Process _process;
    private readonly string _messages;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CampaignCallees(Process process, int port, string messages)
    {
        _process = process;
        Port = port;
        _messages = messages;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    /// <param name="busyPattern">A regex group matching the end of the busy numbers, e.g. "(01|05|09)"; "(x)" for none.</param>
    /// <param name="busyFirst">How many INVITEs to those numbers are answered busy (their first attempts).</param>
    public static CampaignCallees Start(string busyPattern, int busyFirst)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var work = Directory.CreateTempSubdirectory("sipp-campaign-").FullName;
        var scenario = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "System.Tests", "Campaigns", "campaign-callee.xml"))
            .Replace("BUSYDIGITS", busyPattern, StringComparison.Ordinal).Replace("BUSYFIRST", busyFirst.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(work, "callee.xml"), scenario);
        var messages = Path.Combine(work, "messages.log");
        var port = FreePort.NextUdp();
        var info = new ProcessStartInfo(sipp) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-sf", "callee.xml", "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-bind_local",
                     "-trace_msg", "-message_file", messages, "-trace_err", "-nostdin", "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }
        return new CampaignCallees(Process.Start(info)!, port, messages);
    }

    /// <summary>Each INVITE received (a retransmission counted once): the number dialled and when it arrived.</summary>
    public IReadOnlyList<(string Number, DateTime At)> Invites()
    {
        if (!File.Exists(_messages))
        {
            return [];
        }
        string text;
        using (var stream = new FileStream(_messages, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
        {
            text = reader.ReadToEnd();
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invites = new List<(string, DateTime)>();
        foreach (Match m in Received().Matches(text))
        {
            if (seen.Add(m.Groups["callid"].Value))
            {
                invites.Add((m.Groups["number"].Value, DateTime.ParseExact(m.Groups["at"].Value, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)));
            }
        }
        return invites;
    }

    public Dictionary<string, int> InvitesPerNumber() => Invites().GroupBy(i => i.Number).ToDictionary(g => g.Key, g => g.Count());

    public async Task<string> OutputAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return $"{await _stderr}\n{await _stdout}";
    }

    [GeneratedRegex(@"-{10,} (?<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6})\s+UDP message received[^\n]*\n\s*INVITE sip:(?<number>\+\d+)@.*?Call-ID:\s*(?<callid>\S+)", RegexOptions.Singleline)]
    private static partial Regex Received();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
