using System.Diagnostics;
using System.Runtime.InteropServices;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Outbound;

/// <summary>
/// The labelled answering-machine set: greetings synthesised by espeak-ng (several voices and speeds), padded with the
/// silence before the callee speaks, machine greetings optionally followed by a 1 kHz beep (sox), all passed through an
/// 8 kHz µ-law channel by sox and returned as 16 kHz PCM, the MediaHost call surface's format.
/// </summary>
public static class AmdCorpus
{
    public sealed record Case(string Name, bool IsMachine, bool HasBeep, double BeepAtSeconds, short[] Pcm);

    private static readonly string[] HumanGreetings = ["Hello?", "Hi.", "Yes?", "Hello, who's this?", "Speaking.", "Hey there.", "Hello, yes?", "Good morning."];

    private static readonly string[] MachineGreetings =
    [
        "Hi, you have reached John. I can't take your call right now. Please leave a message after the tone.",
        "Hello, this is the voicemail of Mary Smith. Leave your name and number and I will call you back.",
        "The person you are calling is not available. Please leave a message.",
        "Thank you for calling Acme Dental. Our office is currently closed. Please call back Monday to Friday, nine to five.",
        "Hey, it's Sam. Leave a message.",
        "You have reached the Smith family. We are not home right now, but if you leave your name, number and a short message, we will get back to you as soon as we can. Thanks, and have a great day.",
    ];

    private static readonly (string Voice, int Speed)[] Voices = [("en-us", 150), ("en-gb", 175), ("en-us+f3", 165), ("en-029", 185)];

    public static async Task<IReadOnlyList<Case>> BuildAsync()
    {
        var espeak = RequiredTool.Command("espeak-ng", "the Debian package espeak-ng");
        var sox = RequiredTool.Command("sox", "the Debian package sox");
        var work = Directory.CreateTempSubdirectory("amd-corpus-").FullName;
        var cases = new List<Case>();
        try
        {
            var n = 0;
            foreach (var (text, index) in HumanGreetings.Select((t, i) => (t, i)))
            {
                foreach (var (voice, speed) in Voices.Where((_, v) => (v + index) % 4 < 3)) // 3 voices per greeting: 24 cases
                {
                    var lead = 0.3 + (n++ % 4) * 0.25;
                    cases.Add(await MakeAsync(espeak, sox, work, $"human {voice} \"{text}\"", text, voice, speed, lead, beep: false, isMachine: false));
                }
            }
            foreach (var (text, index) in MachineGreetings.Select((t, i) => (t, i)))
            {
                foreach (var (voice, speed) in Voices.Where((_, v) => (v + index) % 2 == 0)) // 2 voices per greeting
                {
                    foreach (var beep in new[] { false, true })
                    {
                        var lead = 0.2 + (n++ % 3) * 0.3;
                        cases.Add(await MakeAsync(espeak, sox, work, $"machine {voice}{(beep ? " +beep" : "")} \"{text[..24]}…\"", text, voice, speed, lead, beep, isMachine: true));
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return cases;
    }

    private static async Task<Case> MakeAsync(string espeak, string sox, string work, string name, string text, string voice, int speed, double lead, bool beep, bool isMachine)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var speech = Path.Combine(work, id + ".wav");
        await RunAsync(espeak, work, "-v", voice, "-s", speed.ToString(), "-w", speech, text);
        var seconds = double.Parse(await RunAsync(sox, work, "--i", "-D", speech), System.Globalization.CultureInfo.InvariantCulture);
        var input = speech;
        if (beep)
        {
            // The beep after a short pause, at the level of the speech.
            var tone = Path.Combine(work, id + "-beep.wav");
            await RunAsync(sox, work, "-n", "-r", "22050", "-c", "1", "-b", "16", tone, "synth", "0.5", "sine", "1000", "vol", "0.4", "pad", "0.4", "0");
            input = Path.Combine(work, id + "-joined.wav");
            await RunAsync(sox, work, speech, tone, input);
        }
        var mulaw = Path.Combine(work, id + ".ul.wav");
        await RunAsync(sox, work, input, "-r", "8000", "-c", "1", "-e", "mu-law", mulaw, "pad", lead.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "3");
        var raw = Path.Combine(work, id + ".raw");
        await RunAsync(sox, work, mulaw, "-r", "16000", "-c", "1", "-e", "signed", "-b", "16", "-t", "raw", raw);
        var pcm = MemoryMarshal.Cast<byte, short>(await File.ReadAllBytesAsync(raw)).ToArray();
        return new Case(name, isMachine, beep, lead + seconds + 0.4, pcm);
    }

    private static async Task<string> RunAsync(string tool, string work, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} {string.Join(' ', args)} failed: {error}");
        }
        return output.Trim();
    }
}
