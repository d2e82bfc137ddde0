using System.Collections.Frozen;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The word lists of one language that the end-of-turn scorer reads. Lookups take spans and ignore case, so judging
/// a transcript allocates nothing.
/// </summary>
internal sealed class TurnLexicon
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _unfinishing;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _questionStarts;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _shortAnswers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _numbers;

    private TurnLexicon(string[] unfinishing, string[] questionStarts, string[] shortAnswers, string[] numbers)
    {
        _unfinishing = Set(unfinishing);
        _questionStarts = Set(questionStarts);
        _shortAnswers = Set(shortAnswers);
        _numbers = Set(numbers);
    }

    /// <summary>Conjunctions, prepositions, articles, possessives, auxiliaries and fillers: a turn rarely ends on them.</summary>
    public bool IsUnfinishing(ReadOnlySpan<char> word) => _unfinishing.Contains(word);

    public bool StartsQuestion(ReadOnlySpan<char> word) => _questionStarts.Contains(word);

    /// <summary>A whole answer on its own ("yes", "no", "thanks", "да", "спасибо").</summary>
    public bool IsShortAnswer(ReadOnlySpan<char> word) => _shortAnswers.Contains(word);

    public bool IsNumber(ReadOnlySpan<char> word) => _numbers.Contains(word) || IsDigits(word);

    public static readonly TurnLexicon English = new(
        unfinishing:
        [
            "and", "or", "but", "so", "because", "if", "that", "than", "then", "when", "while", "although", "though", "since",
            "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "onto", "over", "under", "after", "before",
            "between", "without", "through", "like", "as", "the", "a", "an", "my", "your", "our", "their", "his", "her", "its",
            "this", "these", "those", "is", "are", "was", "were", "am", "be", "have", "has", "had", "do", "does", "did", "will",
            "would", "can", "could", "should", "i", "i'm", "i'd", "we", "it's", "um", "uh", "er", "erm", "hmm", "mm",
            "well", "actually", "basically", "maybe", "also", "just", "not", "very", "some", "any", "want", "need", "like",
        ],
        questionStarts:
        [
            "what", "what's", "when", "where", "how", "who", "why", "which", "can", "could", "do", "does", "did", "is", "are",
            "will", "would", "may", "should", "have", "has",
        ],
        shortAnswers:
        [
            "yes", "yeah", "yep", "no", "nope", "okay", "ok", "sure", "right", "correct", "exactly", "thanks", "thank",
            "goodbye", "bye", "fine", "great", "perfect", "operator",
        ],
        numbers:
        [
            "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
            "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "double", "triple",
        ]);

    public static readonly TurnLexicon Russian = new(
        unfinishing:
        [
            "и", "а", "но", "или", "что", "чтобы", "если", "когда", "потому", "поэтому", "как", "так", "то", "ли", "либо",
            "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "обо", "от", "до", "из", "за", "для", "без", "при", "про",
            "у", "через", "над", "под", "перед", "между", "около", "мой", "моя", "моё", "мои", "мне", "меня", "наш", "ваш",
            "это", "этот", "эта", "ну", "э", "эм", "ээ", "мм", "вот", "типа", "значит", "короче", "например", "хочу", "хотел",
            "хотела", "можно", "нужно", "надо", "не", "очень", "какой", "какая", "какие", "который", "которая", "я",
        ],
        questionStarts:
        [
            "что", "где", "когда", "как", "сколько", "почему", "зачем", "кто", "какой", "какая", "какие", "можно", "куда",
            "откуда", "ли", "вы", "есть",
        ],
        shortAnswers:
        [
            "да", "нет", "спасибо", "хорошо", "ладно", "конечно", "понятно", "ясно", "согласен", "согласна", "верно",
            "правильно", "пока", "свидания", "оператор", "угу", "ага",
        ],
        numbers:
        [
            "ноль", "один", "одна", "два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
            "одиннадцать", "двенадцать", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
            "восемьдесят", "девяносто", "сто", "двести", "триста", "тысяча", "тысячи",
        ]);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsDigits(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
