using VoiceFunctions.MediaHost.Tests.Providers.Fakes;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// MediaHost configuration (the keys an operator writes) for a Russian agent whose STT, LLM and TTS chains point at
/// loopback vendor fakes. Each stage's chain is a list of (kind, name, fake) entries, in failover order.
/// </summary>
internal static class FakeVendorSettings
{
    /// <summary>The first-result deadline when the primaries fail in a test: the default's order, with room for a cold
    /// client on a loaded machine (the secondaries must beat it too).</summary>
    public const int FailingStageDeadlineMs = 2000;

    /// <summary>The deadline when every fake is healthy: generous, so that a loaded machine never turns one into a failure.</summary>
    public const int HealthyStageDeadlineMs = 10_000;

    public static Dictionary<string, string?> Russian(IReadOnlyList<(string Kind, string Name, VendorFakeServer Fake)> stt,
        IReadOnlyList<(string Kind, string Name, VendorFakeServer Fake)> llm, IReadOnlyList<(string Kind, string Name, VendorFakeServer Fake)> tts,
        bool failing = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AiLoop:Language"] = "ru-RU",
            ["AiLoop:Providers:TtsCache:MaxEntries"] = "0", // every sentence goes to the chain
            ["AiLoop:ProviderTimeoutSeconds"] = "30", // above each chain's deadlines (the start-up layering check), even the healthy 10 s ones
        };
        Stage(settings, "Stt", stt, failing ? FailingStageDeadlineMs : HealthyStageDeadlineMs);
        Stage(settings, "Llm", llm, failing ? FailingStageDeadlineMs : HealthyStageDeadlineMs);
        Stage(settings, "Tts", tts, failing ? FailingStageDeadlineMs : HealthyStageDeadlineMs);
        return settings;
    }

    private static void Stage(Dictionary<string, string?> settings, string stage, IReadOnlyList<(string Kind, string Name, VendorFakeServer Fake)> chain, int deadlineMs)
    {
        var prefix = $"AiLoop:Providers:Chains:{stage}:";
        settings[prefix + "Failover:FirstResultDeadlineMs"] = deadlineMs.ToString();
        settings[prefix + "Failover:ProbeIntervalSeconds"] = "3600"; // a failed fake stays failed for the test
        for (var i = 0; i < chain.Count; i++)
        {
            var (kind, name, fake) = chain[i];
            var p = $"{prefix}Chain:{i}:";
            settings[p + "Kind"] = kind;
            settings[p + "Name"] = name;
            settings[p + "ApiKey"] = FakeScript.Key;
            settings[p + "StreamIdleTimeoutSeconds"] = "5";
            settings[p + "Endpoint"] = kind switch
            {
                "yandex" => fake.GrpcUrl,
                "deepgram" or "elevenlabs" => fake.WebSocketUrl,
                "openai" or "openai-compatible" => fake.HttpUrl + "/v1",
                _ => fake.HttpUrl,
            };
            if (kind == "yandex")
            {
                settings[p + "FolderId"] = "<folder-id>";
            }
            if (kind is "openai" or "openai-compatible")
            {
                settings[p + "Model"] = "fake-model";
            }
            if (kind == "elevenlabs")
            {
                settings[p + "Voice"] = "voice-ru-1";
            }
        }
    }
}
