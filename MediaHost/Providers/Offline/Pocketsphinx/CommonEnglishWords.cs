namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// A few hundred common English words a caller says around or instead of a dialog's phrases (function words, everyday
/// verbs and nouns of a phone call, days, numbers). They are in the decoder's cut dictionary so a script's phrases can
/// use them, and optionally in the dialog language model's vocabulary so speech outside the dialog has ordinary words
/// to be heard as (<see cref="PocketsphinxStreamingOptions.LanguageModelVocabulary"/>).
/// </summary>
public static class CommonEnglishWords
{
    public static readonly IReadOnlyList<string> Words =
    [
        // Function words.
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "anyone", "anything", "are", "as", "at",
        "back", "be", "because", "been", "before", "but", "by", "can", "can't", "could", "did", "didn't", "do", "does",
        "doesn't", "don't", "down", "each", "either", "else", "even", "ever", "every", "for", "from", "had", "has",
        "have", "he", "her", "here", "him", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is",
        "isn't", "it", "it's", "its", "just", "let", "let's", "many", "may", "maybe", "me", "might", "more", "most",
        "much", "must", "my", "no", "not", "of", "off", "on", "only", "or", "other", "our", "out", "over", "should",
        "so", "some", "something", "still", "such", "than", "that", "that's", "the", "their", "them", "then", "there",
        "there's", "these", "they", "this", "those", "through", "to", "too", "under", "up", "us", "very", "was", "we",
        "we're", "were", "what", "what's", "when", "where", "which", "while", "who", "why", "will", "with", "won't",
        "would", "yes", "yet", "you", "you're", "your",
        // Fillers and answers.
        "ah", "hello", "hey", "hi", "hmm", "oh", "okay", "please", "right", "sorry", "sure", "uh", "um", "well", "yeah",
        // Everyday verbs.
        "ask", "book", "bring", "buy", "call", "called", "calling", "cancel", "change", "check", "come", "find", "fix",
        "forget", "get", "give", "go", "going", "got", "hear", "help", "hold", "keep", "know", "leave", "like", "listen",
        "live", "look", "lost", "make", "mean", "meet", "move", "need", "order", "play", "put", "read", "remember",
        "rent", "repeat", "say", "said", "see", "sell", "send", "sent", "set", "show", "sign", "sit", "start", "stay",
        "stop", "take", "tell", "think", "try", "turn", "understand", "use", "wait", "want", "wanted", "work", "write",
        // Things a phone call is about.
        "account", "address", "appointment", "bank", "bill", "birthday", "car", "card", "cat", "city", "code", "coffee",
        "computer", "delivery", "dinner", "doctor", "dog", "door", "email", "family", "food", "friend", "game", "house",
        "internet", "job", "key", "kind", "line", "lunch", "mail", "message", "minute", "money", "music", "name",
        "news", "number", "package", "parking", "password", "phone", "pizza", "place", "problem", "question", "room",
        "school", "service", "shop", "street", "table", "taxi", "thing", "ticket", "train", "water", "weather", "way",
        "website", "word", "world",
        // Time and days.
        "day", "evening", "hour", "later", "month", "morning", "night", "now", "soon", "time", "today", "tomorrow",
        "tonight", "week", "weekend", "year", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday",
        // Describing words.
        "bad", "best", "better", "big", "different", "early", "easy", "fine", "first", "free", "full", "good", "great",
        "happy", "hard", "last", "late", "little", "long", "new", "next", "nice", "old", "ready", "real", "same",
        "small", "wrong",
        // Numbers beyond the digits.
        "ten", "eleven", "twelve", "twenty", "thirty", "fifty", "hundred", "thousand",
    ];
}
