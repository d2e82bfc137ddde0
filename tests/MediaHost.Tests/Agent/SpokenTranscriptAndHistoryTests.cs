using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class SpokenTranscriptAndHistoryTests
{
    private static SpokenTranscript Spoken(params (string Text, int Frames)[] sentences)
    {
        var spoken = new SpokenTranscript();
        foreach (var (text, frames) in sentences)
        {
            var i = spoken.AddSentence(text);
            for (var f = 0; f < frames; f++)
            {
                spoken.FrameWritten(i);
            }
        }
        return spoken;
    }

    [Fact]
    public void Everything_written_and_not_dropped_was_heard()
    {
        var spoken = Spoken(("Добрый день.", 20), ("Чем помочь?", 15));
        Assert.Equal("Добрый день. Чем помочь?", spoken.PlayedText());
        Assert.Empty(spoken.UnheardSentences());
    }

    [Fact]
    public void A_cut_sentence_keeps_the_share_of_words_that_played()
    {
        var spoken = Spoken(("One two.", 10), ("Three four five six seven eight.", 60));
        spoken.Dropped(30); // 40 of 70 frames played: the first sentence and half of the second
        Assert.Equal("One two. Three four five", spoken.PlayedText());
        Assert.Equal(["Three four five six seven eight."], spoken.UnheardSentences());
        Assert.Equal(40, spoken.PlayedFrames);
    }

    [Fact]
    public void Sentences_generated_but_never_synthesised_are_unheard_too()
    {
        var spoken = Spoken(("First.", 10));
        spoken.Generated("Second.");
        spoken.Generated("Third.");
        Assert.Equal(["Second.", "Third."], spoken.UnheardSentences());
        spoken.AddSentence("Second.");
        Assert.Equal(["Second.", "Third."], spoken.UnheardSentences()); // started, no frame yet: still unheard
    }

    [Fact]
    public void Dropping_more_than_was_written_cannot_make_the_count_negative()
    {
        var spoken = Spoken(("Hi.", 3));
        spoken.Dropped(10);
        Assert.Equal(0, spoken.PlayedFrames);
        Assert.Equal("", spoken.PlayedText());
    }

    [Fact]
    public void History_is_bounded_and_never_starts_with_an_orphaned_tool_result()
    {
        var history = new ConversationHistory("system", maxMessages: 3);
        history.Add(new ChatMessage(ChatRole.User, "q"));
        history.Add(new ChatMessage(ChatRole.Assistant, "", [new ToolCall("c1", "lookup", "{}")]));
        history.Add(new ChatMessage(ChatRole.Tool, "result", ToolCallId: "c1"));
        history.Add(new ChatMessage(ChatRole.Assistant, "answer"));
        history.Add(new ChatMessage(ChatRole.User, "next"));
        // Keeping 3 would start with the tool result: it goes too.
        Assert.Equal(["answer", "next"], history.Messages.Select(m => m.Content));
        Assert.Equal(ChatRole.System, history.ForRequest()[0].Role);
    }

    [Fact]
    public void Echo_is_judged_against_the_expected_echo_within_the_echo_window()
    {
        const double Quiet = -96; // no echo expected in the slot
        var guard = new EchoGuard(marginDb: 6, windowFrames: 5);
        Assert.False(guard.IsEcho(Quiet, -40)); // nothing played yet: nothing to echo
        Assert.True(guard.IsEcho(-32, -30));  // within the margin of the expected echo: echo
        Assert.False(guard.IsEcho(-32, -22)); // well above the expected echo: the caller talking over it
        for (var i = 0; i < 4; i++)
        {
            Assert.True(guard.IsEcho(Quiet, -30)); // the echo path's delay: still within the window after the agent stopped
        }
        Assert.False(guard.IsEcho(Quiet, -40)); // the window has passed
    }
}
