using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class SpokenDigitsTests
{
    [Theory]
    [InlineData("one two three", "en", "123")]
    [InlineData("Press two.", "en", "2")]
    [InlineData("zero", "en", "0")]
    [InlineData("один", "ru", "1")]
    [InlineData("Нажимаю ноль", "ru", "0")]
    [InlineData("4 2 7", "ru", "427")]
    public void Digits_said_aloud_read_as_the_keys_they_name(string said, string language, string keys)
    {
        Assert.Equal(keys, SpokenDigits.Read(said, language));
    }

    [Theory]
    [InlineData("I have one question", "en")]
    [InlineData("press", "en")]
    [InlineData("", "en")]
    [InlineData("два часа работы", "ru")]
    public void Speech_that_says_anything_but_digits_is_not_read_as_keys(string said, string language)
    {
        Assert.Null(SpokenDigits.Read(said, language));
    }

    [Theory]
    [InlineData("one", "en", "hours")]
    [InlineData("zero", "en", "operator")]
    [InlineData("один", "ru", "hours")]
    [InlineData("ноль", "ru", "operator")]
    [InlineData("два", "ru", "prices")]
    public void A_caller_who_says_a_menu_key_gets_the_intent_of_that_key(string said, string language, string intent)
    {
        var model = new ScriptedLanguageModel(DialogScriptLoader.LoadDefault());

        Assert.Equal(intent, model.Match(said, language)?.Name);
    }
}
