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
        var work = Directory.CreateTempSubdirectory("sipp-campaign-").FullName;
        var scenario = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "System.Tests", "Campaigns", "campaign-callee.xml"))
            .Replace("BUSYDIGITS", busyPattern, StringComparison.Ordinal).Replace("BUSYFIRST", busyFirst.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Launch(work, scenario);
    }

    /// <summary>Every callee a voicemail (campaign-voicemail-callee.xml): its greeting synthesised by espeak-ng, streamed as PCMU at the answer.</summary>
    public static async Task<CampaignCallees> StartVoicemailAsync()
    {
        var espeak = RequiredTool.Command("espeak-ng", "the Debian package espeak-ng");
        var sox = RequiredTool.Command("sox", "the Debian package sox");
        var work = Directory.CreateTempSubdirectory("sipp-voicemail-").FullName;
        await SippCallerProcess.RunToolAsync(espeak, work, "-v", "en-us", "-s", "150", "-w", "greeting.wav", Outbound.VoicemailLeg.Greeting);
        await SippCallerProcess.RunToolAsync(sox, work, "greeting.wav", "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "raw", "greeting.audio");
        return Launch(work, File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "System.Tests", "Campaigns", "campaign-voicemail-callee.xml")));
    }

    private static CampaignCallees Launch(string work, string scenario)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
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

    /// <summary>
    /// How long each answered call lasted at the callee, from its INVITE's arrival to the arrival of the 200 OK to the
    /// callee's BYE (sipp logs only what it receives), in seconds; calls without that answer are left out.
    /// </summary>
    public IReadOnlyList<double> CallSeconds()
    {
        var text = ReadMessages();
        var invites = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (Match m in Received().Matches(text))
        {
            invites.TryAdd(m.Groups["callid"].Value, Parse(m.Groups["at"].Value));
        }
        var seconds = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in OkReceived().Matches(text))
        {
            var headers = m.Groups["headers"].Value;
            if (!ByeCSeq().IsMatch(headers) || CallIdHeader().Match(headers) is not { Success: true } id)
            {
                continue;
            }
            var callId = id.Groups["callid"].Value;
            if (seen.Add(callId) && invites.TryGetValue(callId, out var invited))
            {
                seconds.Add((Parse(m.Groups["at"].Value) - invited).TotalSeconds);
            }
        }
        return seconds;
    }

    private string ReadMessages()
    {
        if (!File.Exists(_messages))
        {
            return "";
        }
        using var stream = new FileStream(_messages, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static DateTime Parse(string at) => DateTime.ParseExact(at, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

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

    // A received "200 OK" (its headers up to the next logged message).
    [GeneratedRegex(@"-{10,} (?<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6})\s+UDP message received[^\n]*\n\s*SIP/2\.0 200 (?<headers>(?:(?!-{10,}).)*)", RegexOptions.Singleline)]
    private static partial Regex OkReceived();

    [GeneratedRegex(@"^\s*CSeq:\s*\d+ BYE", RegexOptions.Multiline)]
    private static partial Regex ByeCSeq();

    [GeneratedRegex(@"^\s*Call-ID:\s*(?<callid>\S+)", RegexOptions.Multiline)]
    private static partial Regex CallIdHeader();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
