namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The built-in end-of-turn scorer for Russian and English: reads the interim transcript at a pause and sets how
/// much silence ends the turn. A complete question or answer ends it after a short silence
/// (<see cref="EndOfTurnScorerOptions.CompleteSilenceMs"/>); a trailing conjunction, preposition or filler, or a number
/// being dictated, waits longer, up to the endpointer's maximum. Pure and allocation-free: it is called from the
/// audio loop. Other languages, and pauses with no transcript yet, wait for the plain silence rule
/// (<see cref="EndOfTurnContext.SilenceRule"/>). Words far too few for the caller's voiced time (an empty partial
/// included) are words the recogniser missed: they wait <see cref="EndOfTurnScorerOptions.TooFewLettersSilenceMs"/>.
/// Where the words cannot tell, the caller's pitch contour at the pause (<see cref="EndOfTurnContext.Contour"/>) can.
/// </summary>
public sealed class TranscriptEndOfTurnScorer(EndOfTurnScorerOptions options) : IEndOfTurnModel
{
    public TimeSpan AdditionalWait(in EndOfTurnContext context)
    {
        var verdict = Judge(context.PartialTranscript, context.Language);
        // An empty partial (not a missing one) is the recogniser saying it heard the speech and found no words.
        if ((verdict != TurnCompleteness.Unknown || context.PartialTranscript is not null) && LexiconFor(context.Language) is not null
            && TooFewLetters(context.PartialTranscript, context.VoicedDuration, options.MinLettersPerSecond))
        {
            verdict = TurnCompleteness.WordsMissing;
        }
        var silenceNeeded = verdict switch
        {
            TurnCompleteness.WordsMissing => options.TooFewLettersSilenceMs,
            TurnCompleteness.Complete => options.CompleteSilenceMs,
            TurnCompleteness.Neutral => options.NeutralSilenceMs,
            TurnCompleteness.Unfinished => options.UnfinishedSilenceMs,
            TurnCompleteness.Dictating => options.DictatingSilenceMs,
            _ => context.SilenceRule.TotalMilliseconds,
        };
        if (LexiconFor(context.Language) is not null)
        {
            var contour = context.Contour == PauseContour.Final && !context.LanguageHeard && !options.FinalContourWithoutWords ? PauseContour.Unknown : context.Contour;
            silenceNeeded = ByContour(verdict, contour, silenceNeeded);
        }
        var extra = TimeSpan.FromMilliseconds(silenceNeeded) - context.Silence;
        return extra > TimeSpan.Zero ? extra : TimeSpan.Zero;
    }

    /// <summary>Where the words cannot tell (none, too few, or no sign either way), the voice can: a final fall ends the turn
    /// sooner, a level or rising pitch holds it as a comma does. Words that show the sentence is complete or goes on
    /// are not overruled. Measured on espeak-ng speech only (bench/results/conversation-load.md), in ru and en.</summary>
    private double ByContour(TurnCompleteness verdict, PauseContour contour, double silenceNeeded) => (verdict, contour) switch
    {
        (TurnCompleteness.WordsMissing or TurnCompleteness.Unknown, PauseContour.Final) => Math.Min(silenceNeeded, options.FinalContourSilenceMs),
        (TurnCompleteness.WordsMissing or TurnCompleteness.Unknown or TurnCompleteness.Neutral, PauseContour.Continuing) =>
            Math.Max(silenceNeeded, options.ContinuingContourSilenceMs),
        _ => silenceNeeded,
    };

    /// <summary>Whether <paramref name="transcript"/> sounds finished, in <paramref name="language"/> (BCP 47).</summary>
    public static TurnCompleteness Judge(string? transcript, string language)
    {
        var lexicon = LexiconFor(language);
        var text = (transcript ?? "").AsSpan().Trim();
        if (lexicon is null || text.IsEmpty)
        {
            return TurnCompleteness.Unknown;
        }
        var endsWithStop = text[^1] is '.' or '?' or '!' or '…';
        text = text.TrimEnd(" .,;:!?…-—\"'«»".AsSpan());
        if (text.IsEmpty)
        {
            return TurnCompleteness.Unknown;
        }
        var last = LastWord(text, out var wordCount);
        if (wordCount > 1 && lexicon.IsPoliteness(last))
        {
            // "tell me please": the word before "please" says whether more is coming.
            text = text[..^last.Length].TrimEnd(" ,;:-—".AsSpan());
            last = LastWord(text, out wordCount);
        }
        var first = FirstWord(text);
        if (lexicon.IsNumber(last))
        {
            return TurnCompleteness.Dictating;
        }
        if (lexicon.IsUnfinishing(last) && !(wordCount == 1 && lexicon.IsShortAnswer(last)))
        {
            return TurnCompleteness.Unfinished;
        }
        // Without a full stop from the recogniser: a verb still waiting for its object ("I'd like to know", "can you
        // tell me"), or a question with no verb yet ("what time do you").
        if (!endsWithStop && (lexicon.NeedsObject(last) || (wordCount > 1 && lexicon.EndsOpen(WordBefore(text, last.Length), last))))
        {
            return TurnCompleteness.Unfinished;
        }
        if (endsWithStop || lexicon.IsShortAnswer(last) || (wordCount <= 2 && lexicon.IsShortAnswer(first)))
        {
            return TurnCompleteness.Complete;
        }
        // A question with its object said ("when do you open", "сколько стоит консультация").
        if (wordCount >= 3 && lexicon.StartsQuestion(first))
        {
            return TurnCompleteness.Complete;
        }
        return TurnCompleteness.Neutral;
    }

    /// <summary>True when <paramref name="transcript"/> has fewer letters than <paramref name="voiced"/> of speech at
    /// <paramref name="minLettersPerSecond"/> would hold.</summary>
    public static bool TooFewLetters(string? transcript, TimeSpan voiced, double minLettersPerSecond)
    {
        var letters = 0;
        foreach (var c in (transcript ?? "").AsSpan())
        {
            letters += char.IsLetterOrDigit(c) ? 1 : 0;
        }
        return letters < voiced.TotalSeconds * minLettersPerSecond;
    }

    private static TurnLexicon? LexiconFor(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? TurnLexicon.English
        : language.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? TurnLexicon.Russian
        : null;

    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> text, out int wordCount)
    {
        wordCount = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var separator = IsSeparator(c);
            if (!separator && !inWord)
            {
                wordCount++;
            }
            inWord = !separator;
        }
        var start = text.Length;
        while (start > 0 && !IsSeparator(text[start - 1]))
        {
            start--;
        }
        return text[start..];
    }

    /// <summary>The word before the last one (whose length is <paramref name="lastLength"/>).</summary>
    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> text, int lastLength)
    {
        var end = text.Length - lastLength;
        while (end > 0 && IsSeparator(text[end - 1]))
        {
            end--;
        }
        var start = end;
        while (start > 0 && !IsSeparator(text[start - 1]))
        {
            start--;
        }
        return text[start..end];
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var end = 0;
        while (end < text.Length && !IsSeparator(text[end]))
        {
            end++;
        }
        return text[..end];
    }

    // Hyphens separate too: "э-э" is a filler, and "двадцать-пять" two numbers.
    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':' or '-' or '—' or '"' or '«' or '»';
}
