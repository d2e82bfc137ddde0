using System.Text;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Cuts a stream of LLM tokens into sentences for TTS, so the first sentence can be spoken while the model is
/// still writing. Handles Russian and English: . ! ? … and runs of them ("?!", "..."), closing quotes and brackets
/// after the mark (» " ” ) ]), abbreviations ("т.е.", "г.", "Dr.", "e.g."), initials, decimal numbers (3.14),
/// numbers with spaces (1 000), and ellipses inside a sentence (a lower-case word follows). A plain word's full stop
/// is a split at once; ambiguous marks wait until the next word has started, because "3." may still become "3.14".
/// </summary>
public sealed class SentenceChunker
{
    public const int DefaultMaxSentenceChars = 250;
    private const string ClosingMarks = "»\"”’)]";

    private readonly StringBuilder _buffer = new();
    private readonly int _maxChars;
    private int _scanFrom;

    public SentenceChunker(int maxSentenceChars = DefaultMaxSentenceChars) => _maxChars = maxSentenceChars;

    /// <summary>Adds text as it arrives (any split: characters, words, whole paragraphs).</summary>
    public void Append(ReadOnlySpan<char> text) => _buffer.Append(text);

    /// <summary>Takes the next complete sentence, trimmed; false when none is complete yet.</summary>
    public bool TryTakeSentence(out string sentence)
    {
        while (true)
        {
            var end = FindBoundary();
            if (end < 0)
            {
                sentence = "";
                return false;
            }
            sentence = _buffer.ToString(0, end).Trim();
            _buffer.Remove(0, end);
            _scanFrom = 0;
            if (sentence.Length > 0)
            {
                return true;
            }
        }
    }

    /// <summary>Returns whatever is left (the model finished), or null when nothing is.</summary>
    public string? Flush()
    {
        var rest = _buffer.ToString().Trim();
        _buffer.Clear();
        _scanFrom = 0;
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>The index just past the end of the first complete sentence, or −1.</summary>
    private int FindBoundary()
    {
        var text = _buffer;
        for (var i = _scanFrom; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                return i + 1;
            }
            if (!IsTerminal(c))
            {
                continue;
            }
            // The whole run of marks and closing quotes belongs to this sentence.
            var j = i + 1;
            while (j < text.Length && (IsTerminal(text[j]) || ClosingMarks.Contains(text[j])))
            {
                j++;
            }
            if (j == text.Length)
            {
                _scanFrom = i; // cannot tell yet: more may follow ("3." → "3.14", "..." → "....")
                return TooLong() ? SoftBreak() : -1;
            }
            if (!char.IsWhiteSpace(text[j]))
            {
                i = j - 1; // "3.14", "т.е", "e.g" — no space after the mark: inside a word
                continue;
            }
            var next = j;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }
            if (next == text.Length)
            {
                if (CertainEnd(text, i, j))
                {
                    return j; // "Hello. " with the model pausing: speak now rather than wait for the next word
                }
                _scanFrom = i;
                return TooLong() ? SoftBreak() : -1;
            }
            if (ContinuesSentence(text, i, text[next]))
            {
                i = j - 1;
                continue;
            }
            return j;
        }
        _scanFrom = Math.Max(0, text.Length - 1);
        return TooLong() ? SoftBreak() : -1;
    }

    /// <summary>Whether the sentence goes on after the mark at <paramref name="markIndex"/> given the next word's first character.</summary>
    private static bool ContinuesSentence(StringBuilder text, int markIndex, char nextChar)
    {
        if (char.IsLower(nextChar) || nextChar is '—' or '–' or ',' or ';' or ':')
        {
            return true; // "т.е. мы", "Подождите... нет", «Стой!» — крикнул он
        }
        if (text[markIndex] != '.' || (markIndex + 1 < text.Length && text[markIndex + 1] == '.'))
        {
            return false; // ! ? … and "..." before a capital end the sentence
        }
        var wordStart = markIndex;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        if (wordStart == markIndex)
        {
            return false; // "in 2024. Then" — a number or a symbol before the dot
        }
        Span<char> word = stackalloc char[Math.Min(markIndex - wordStart, 32)];
        text.CopyTo(wordStart, word, word.Length);
        return Abbreviations.BlocksSentenceEnd(word);
    }

    /// <summary>
    /// Whether a mark followed only by a space (so far) surely ends the sentence: "!" or "?" alone, or "." after a
    /// plain word of two letters or more that is no abbreviation. Ellipses, quotes, numbers ("2024.") and initials
    /// wait for the next word instead.
    /// </summary>
    private static bool CertainEnd(StringBuilder text, int markIndex, int runEnd)
    {
        for (var k = markIndex; k < runEnd; k++)
        {
            if (text[k] is not ('!' or '?') && !(text[k] == '.' && runEnd == markIndex + 1))
            {
                return false;
            }
        }
        if (text[markIndex] != '.')
        {
            return true;
        }
        var wordStart = markIndex;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }
        if (markIndex - wordStart < 2 || (wordStart > 0 && text[wordStart - 1] == '.'))
        {
            return false;
        }
        Span<char> word = stackalloc char[Math.Min(markIndex - wordStart, 32)];
        text.CopyTo(wordStart, word, word.Length);
        return !Abbreviations.BlocksSentenceEnd(word);
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    private bool TooLong() => _buffer.Length > _maxChars;

    /// <summary>A sentence that runs on too long is cut at its last comma or space so TTS is not starved.</summary>
    private int SoftBreak()
    {
        var text = _buffer;
        for (var i = _maxChars - 1; i > _maxChars / 2; i--)
        {
            if (text[i] is ',' or ';' or ':')
            {
                return i + 1;
            }
        }
        for (var i = _maxChars - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }
        return _maxChars;
    }
}
