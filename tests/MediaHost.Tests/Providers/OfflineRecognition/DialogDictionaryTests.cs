using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

public sealed class DialogDictionaryTests
{
    private static readonly string[] Full =
    [
        "hours AW ER Z",
        "hours' AW R Z",
        "hours(2) AW R Z",
        "open OW P AH N",
        "open-ended OW P AH N EH N D AH D",
        "opening OW P AH N IH NG",
        "price P R AY S",
        "",
    ];

    [Fact]
    public void The_cut_keeps_every_pronunciation_of_a_wanted_word_and_nothing_that_only_starts_like_it()
    {
        var (text, words) = DialogDictionary.Cut(Full, new HashSet<string>(StringComparer.Ordinal) { "hours", "open", "missing" });

        Assert.Equal("hours AW ER Z\nhours(2) AW R Z\nopen OW P AH N\n", text);
        Assert.Equal(2, words);
    }

    [Fact]
    public void A_missing_dictionary_fails_at_start_naming_the_file()
    {
        var error = Assert.Throws<ProviderException>(() => DialogDictionary.Write("/nonexistent/cmudict.dict", ["hours"]));

        Assert.Contains("/nonexistent/cmudict.dict", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void A_dictionary_with_none_of_the_words_fails_at_start_instead_of_loading_decoders_that_know_nothing()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["zebra Z IY B R AH"]);

            var error = Assert.Throws<ProviderException>(() => DialogDictionary.Write(file, ["hours"]));

            Assert.Contains("none of the dialog's words", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_written_cut_holds_only_the_wanted_words_and_is_deleted_when_disposed()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, Full);
            string written;
            using (var dictionary = DialogDictionary.Write(file, ["price"]))
            {
                written = dictionary.Path;
                Assert.Equal("price P R AY S\n", File.ReadAllText(written));
            }

            Assert.False(File.Exists(written));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
