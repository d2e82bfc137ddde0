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
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _needsObject;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _politeness;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _subjectPronouns;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _questionAuxiliaries;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _objectPronouns;

    private TurnLexicon(string[] unfinishing, string[] questionStarts, string[] shortAnswers, string[] numbers, Grammar grammar)
    {
        _unfinishing = Set(unfinishing);
        _questionStarts = Set(questionStarts);
        _shortAnswers = Set(shortAnswers);
        _numbers = Set(numbers);
        _needsObject = Set(grammar.NeedsObject);
        _politeness = Set(grammar.Politeness);
        _subjectPronouns = Set(grammar.SubjectPronouns);
        _questionAuxiliaries = Set(grammar.QuestionAuxiliaries);
        _objectPronouns = Set(grammar.ObjectPronouns);
    }

    /// <summary>The lists that read the last two words rather than the last one.</summary>
    /// <param name="NeedsObject">Verbs a caller rarely stops on: what follows is what they want ("I'd like to know",
    /// "can you tell me", "подскажите", "соедините меня").</param>
    /// <param name="Politeness">Words that close nothing by themselves ("tell me please"): judged by the word before.</param>
    /// <param name="SubjectPronouns">With <paramref name="QuestionAuxiliaries"/> before them, a question still missing
    /// its verb ("what time do you").</param>
    /// <param name="ObjectPronouns">After a verb of <paramref name="NeedsObject"/>, the first of its two objects
    /// ("tell me", "give us").</param>
    private sealed record Grammar(string[] NeedsObject, string[] Politeness, string[] SubjectPronouns, string[] QuestionAuxiliaries, string[] ObjectPronouns);

    /// <summary>A verb whose object or complement usually follows ("know", "tell", "узнать", "подскажите").</summary>
    public bool NeedsObject(ReadOnlySpan<char> word) => _needsObject.Contains(word);

    /// <summary>"please", "пожалуйста": says nothing about whether the sentence is over.</summary>
    public bool IsPoliteness(ReadOnlySpan<char> word) => _politeness.Contains(word);

    /// <summary>Two last words that leave the sentence open: an auxiliary and its subject with no verb yet ("do you",
    /// "can I"), or a verb and the first of its objects ("tell me").</summary>
    public bool EndsOpen(ReadOnlySpan<char> previous, ReadOnlySpan<char> last) =>
        (_subjectPronouns.Contains(last) && _questionAuxiliaries.Contains(previous))
        || (_objectPronouns.Contains(last) && _needsObject.Contains(previous));

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
        ],
        new Grammar(
            NeedsObject:
            [
                "know", "tell", "ask", "give", "show", "send", "bring", "speak", "talk", "find", "check", "book", "order",
                "buy", "get", "make", "cancel", "change", "confirm", "discuss", "connect", "transfer", "put", "reach",
                "schedule", "reserve",
            ],
            Politeness: ["please"],
            SubjectPronouns: ["i", "you", "we", "they", "he", "she", "it"],
            // Do-support and modals only: "how are you", "where is it" are whole questions.
            QuestionAuxiliaries: ["do", "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might", "must"],
            ObjectPronouns: ["me", "us", "him", "her", "them"]));

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
        ],
        new Grammar(
            NeedsObject:
            [
                "скажите", "подскажите", "расскажите", "узнать", "спросить", "уточнить", "соедините", "переключите",
                "переведите", "запишите", "записаться", "забронировать", "заказать", "купить", "поменять", "отменить",
                "сообщите", "объясните", "дайте", "покажите", "проверьте", "поговорить",
            ],
            Politeness: ["пожалуйста"],
            SubjectPronouns: [],
            QuestionAuxiliaries: [],
            ObjectPronouns: ["меня", "мне", "нас", "нам", "его", "её", "ее", "их"]));

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
