using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class SentenceChunkerTests
{
    /// <summary>Feeds the text in pieces of <paramref name="piece"/> characters, as an LLM stream would, and collects the sentences.</summary>
    private static List<string> Chunk(string text, int piece)
    {
        var chunker = new SentenceChunker();
        var sentences = new List<string>();
        for (var i = 0; i < text.Length; i += piece)
        {
            chunker.Append(text.AsSpan(i, Math.Min(piece, text.Length - i)));
            while (chunker.TryTakeSentence(out var s))
            {
                sentences.Add(s);
            }
        }
        if (chunker.Flush() is { } rest)
        {
            sentences.Add(rest);
        }
        return sentences;
    }

    public static TheoryData<string, string[]> Samples => new()
    {
        { "Hello there. How can I help you today?", ["Hello there.", "How can I help you today?"] },
        { "Здравствуйте! Чем могу помочь?", ["Здравствуйте!", "Чем могу помочь?"] },
        { "Call Dr. Smith at 3.14 p.m. tomorrow. Thanks!", ["Call Dr. Smith at 3.14 p.m. tomorrow.", "Thanks!"] },
        { "Bring snacks, e.g. apples. Then come.", ["Bring snacks, e.g. apples.", "Then come."] },
        { "Это стоит 1 000 руб. в месяц, т.е. недорого. Подключить?", ["Это стоит 1 000 руб. в месяц, т.е. недорого.", "Подключить?"] },
        { "Офис на ул. Ленина, д. 5. Ждём вас!", ["Офис на ул. Ленина, д. 5.", "Ждём вас!"] },
        { "Основан в 1998 г. Москва была другой.", ["Основан в 1998 г. Москва была другой."] },
        { "Мы открылись в 2024. Приходите.", ["Мы открылись в 2024.", "Приходите."] },
        { "«Стой!» — крикнул он. Я остановился.", ["«Стой!» — крикнул он.", "Я остановился."] },
        { "Он сказал: «Всё готово». Потом ушёл.", ["Он сказал: «Всё готово».", "Потом ушёл."] },
        { "Она спросила: «Правда?» Я кивнул.", ["Она спросила: «Правда?»", "Я кивнул."] },
        { "Подождите... нет, всё верно. Итак… Начнём.", ["Подождите... нет, всё верно.", "Итак…", "Начнём."] },
        { "Wait... what? Really?!", ["Wait... what?", "Really?!"] },
        { "Pi is 3.14159 and e is 2.718. Nice.", ["Pi is 3.14159 and e is 2.718.", "Nice."] },
        { "А. С. Пушкин родился в Москве. Это факт.", ["А. С. Пушкин родился в Москве.", "Это факт."] },
        { "First line\nSecond line", ["First line", "Second line"] },
        { "Без точки в конце", ["Без точки в конце"] },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Splits_whole_text_into_sentences(string text, string[] expected) => Assert.Equal(expected, Chunk(text, text.Length));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Splits_identically_when_text_arrives_one_character_at_a_time(string text, string[] expected) => Assert.Equal(expected, Chunk(text, 1));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Splits_identically_when_text_arrives_in_three_character_tokens(string text, string[] expected) => Assert.Equal(expected, Chunk(text, 3));

    [Fact]
    public void A_plain_sentence_end_is_released_without_waiting_for_the_next_word()
    {
        var chunker = new SentenceChunker();
        chunker.Append("Hello there. ");
        Assert.True(chunker.TryTakeSentence(out var s));
        Assert.Equal("Hello there.", s);
    }

    [Theory]
    [InlineData("Call Dr. ")]
    [InlineData("Подождите... ")]
    [InlineData("Это было в 2024. ")]
    [InlineData("Поэт А. ")]
    [InlineData("«Стой!» ")]
    [InlineData("Т.е. ")]
    public void Ambiguous_ends_wait_for_the_next_word(string text)
    {
        var chunker = new SentenceChunker();
        chunker.Append(text);
        Assert.False(chunker.TryTakeSentence(out _));
    }

    [Fact]
    public void Decimal_number_at_the_end_of_a_token_is_not_cut()
    {
        var chunker = new SentenceChunker();
        chunker.Append("It costs 3.");
        Assert.False(chunker.TryTakeSentence(out _));
        chunker.Append("50 dollars. Ok");
        Assert.True(chunker.TryTakeSentence(out var s));
        Assert.Equal("It costs 3.50 dollars.", s);
    }

    [Fact]
    public void A_run_on_sentence_is_cut_at_a_comma_so_speech_can_start()
    {
        var chunker = new SentenceChunker(maxSentenceChars: 40);
        chunker.Append("Это очень длинное предложение, которое никак не заканчивается и всё продолжается");
        Assert.True(chunker.TryTakeSentence(out var s));
        Assert.Equal("Это очень длинное предложение,", s);
    }
}
