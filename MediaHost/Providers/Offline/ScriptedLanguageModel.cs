using System.Runtime.CompilerServices;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// The dialog engine used when no LLM is configured: matches the caller's last message against the script's
/// intents (keywords per language), streams the reply word by word like a model would, and turns the intent's
/// action into the same tool call an LLM would make (end_call, transfer_to_human).
/// </summary>
public sealed class ScriptedLanguageModel(DialogScript script) : ILanguageModel
{
    /// <summary>How the agent reports the caller's keys to the model: "DTMF 1234".</summary>
    public const string KeysPrefix = "DTMF ";

    public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var language = request.Language.Length >= 2 ? request.Language[..2].ToLowerInvariant() : "en";
        var said = request.Messages.LastOrDefault(m => m.Role == ChatRole.User)?.Content ?? "";
        var intent = Match(said, language);
        var reply = intent is null ? Pick(script.NoMatchReply, language) : Pick(intent.Reply, language);
        foreach (var word in reply.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return LanguageModelUpdate.FromText(word + " ");
            await Task.Yield();
        }
        var tool = intent?.Action switch
        {
            DialogAction.EndCall => BuiltInTools.EndCall,
            DialogAction.Transfer => BuiltInTools.TransferToHuman,
            _ => null,
        };
        if (tool is not null)
        {
            yield return LanguageModelUpdate.FromToolCall(new ToolCall("script-" + intent!.Name, tool, "{}"));
        }
    }

    /// <summary>The intent of the keys pressed ("DTMF 1", as the agent reports a key sequence) or said ("one", "один":
    /// a caller who answers the keypad menu aloud), else the intent with the most matching keywords (the first on a
    /// tie), or null.</summary>
    public DialogIntent? Match(string text, string language)
    {
        if (text.StartsWith(KeysPrefix, StringComparison.Ordinal))
        {
            return script.ByKey(text[KeysPrefix.Length..].Trim());
        }
        if (SpokenDigits.Read(text, language) is { } spokenKeys)
        {
            return script.ByKey(spokenKeys);
        }
        var lowered = text.ToLowerInvariant();
        var words = lowered.Split([' ', ',', '.', '!', '?', '-', '—', ':', ';', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries);
        DialogIntent? best = null;
        var bestScore = 0;
        foreach (var intent in script.Intents)
        {
            if (!intent.Keywords.TryGetValue(language, out var keywords))
            {
                continue;
            }
            var score = keywords.Count(k => k.Contains(' ') ? lowered.Contains(k, StringComparison.Ordinal) : words.Any(w => w.StartsWith(k, StringComparison.Ordinal)));
            if (score > bestScore)
            {
                best = intent;
                bestScore = score;
            }
        }
        return best;
    }

    private static string Pick(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) ? text : texts.Values.First();
}
