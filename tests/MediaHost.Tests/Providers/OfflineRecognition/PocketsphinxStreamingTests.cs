using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

/// <summary>The long-lived pocketsphinx decoder against real speech (espeak-ng) through the project's codecs.</summary>
public sealed class PocketsphinxStreamingTests
{
    private static readonly DialogScript Script = DialogScriptLoader.LoadDefault();

    [SkippableFact]
    public async Task The_demo_question_over_PCMU_is_understood_as_opening_hours()
    {
        using var stt = CreateRecogniser();
        var speech = await OfflineRecognition.SpeakAsync("What are your opening hours?", new SyntheticVoice("en-us", 150));

        var outcome = await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(speech, PhoneCodec.Pcmu));

        Assert.Equal("hours", new ScriptedLanguageModel(Script).Match(outcome.Final, "en")?.Name);
    }

    internal static PocketsphinxStreamingSpeechToText CreateRecogniser(PocketsphinxStreamingOptions? options = null)
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        if (!File.Exists(Path.Combine(PocketsphinxStreamingOptions.DefaultModelDirectory, "mdef")) || !File.Exists("/usr/lib/x86_64-linux-gnu/libpocketsphinx.so.3"))
        {
            RequiredTool.Missing("libpocketsphinx3 and pocketsphinx-en-us are not installed (scripts/install-test-deps.sh installs them)");
        }
        return new PocketsphinxStreamingSpeechToText(options ?? new PocketsphinxStreamingOptions { MaxDecoders = 2 }, Script, NullLogger<PocketsphinxStreamingSpeechToText>.Instance);
    }
}
