using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent.EndOfTurn;

/// <summary>
/// The ONNX end-of-turn model slot on ONNX Runtime, with <see cref="LoudnessEndOfTurnModelDouble"/> (a model file the
/// test writes). Waits are for the model's answer to arrive (its version moving), never for a time.
/// </summary>
public sealed class OnnxEndOfTurnModelTests : IDisposable
{
    private const string CompleteQuestion = "what are your opening hours";
    private readonly string _folder = Directory.CreateTempSubdirectory("eot-model-").FullName;
    private readonly EndOfTurnScorerOptions _waits = new();

    [Fact]
    public async Task The_builtin_scorer_answers_until_the_models_answer_arrives_then_the_models_probability_decides()
    {
        using var model = Load();
        var call = (IAudioEndOfTurnModel)model.ForCall();
        call.TurnStarted();
        Feed(call, amplitude: 300, frames: 50); // a quiet turn: the double's probability is about 0.12
        var pause = Pause(CompleteQuestion, silenceMs: 260);

        // Asked: the built-in scorer's answer at once (a complete question: 250 ms, already reached), the model asked in the background.
        Assert.Equal(TimeSpan.Zero, call.AdditionalWait(pause));
        await AnswerAsync(call, 0);

        // The model says "not complete": wait up to UnfinishedSilenceMs (2 s) in all.
        Assert.Equal(TimeSpan.FromMilliseconds(_waits.UnfinishedSilenceMs - 260), call.AdditionalWait(pause));
    }

    [Fact]
    public async Task A_loud_turn_is_complete_for_the_double_and_the_pause_ends_after_the_short_wait()
    {
        using var model = Load();
        var call = (IAudioEndOfTurnModel)model.ForCall();
        call.TurnStarted();
        Feed(call, amplitude: 12_000, frames: 50);
        var pause = Pause("i would like to", silenceMs: 100); // the built-in scorer: unfinished (a trailing preposition)

        Assert.Equal(TimeSpan.FromMilliseconds(_waits.UnfinishedSilenceMs - 100), call.AdditionalWait(pause));
        await AnswerAsync(call, 0);

        Assert.Equal(TimeSpan.FromMilliseconds(_waits.CompleteSilenceMs - 100), call.AdditionalWait(pause));
    }

    [Fact]
    public async Task The_endpointer_asks_again_when_the_models_answer_arrives_and_ends_the_turn_by_it()
    {
        const string words = "about my booking";
        Assert.Equal(TurnCompleteness.Neutral, TranscriptEndOfTurnScorer.Judge(words, "en-US")); // the built-in scorer alone: 500 ms
        using var model = Load();
        var call = (IAudioEndOfTurnModel)model.ForCall();
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US", call);
        var quiet = Enumerable.Repeat((short)300, 320).ToArray();
        for (var i = 0; i < 40; i++)
        {
            endpointer.OnFrame(true);
            endpointer.OnAudio(quiet);
            endpointer.PartialTranscript = words;
        }
        // Silence up to the first check (250 ms, 13 frames): the question goes to the model; the scorer says 500 ms meanwhile.
        var silentFrames = 0;
        while (silentFrames < 13)
        {
            Assert.Equal(EndpointEvent.None, endpointer.OnFrame(false));
            silentFrames++;
        }
        await AnswerAsync(call, 0); // answered off this thread

        // The model's "not complete" (a quiet turn): the endpointer, asking again, waits on to 2 s of silence.
        var last = EndpointEvent.None;
        while (last != EndpointEvent.TurnEndedBySilence)
        {
            last = endpointer.OnFrame(false);
            silentFrames++;
        }
        Assert.Equal(_waits.UnfinishedSilenceMs / 20, silentFrames);
    }

    [Fact]
    public void A_missing_model_file_stops_the_start_naming_the_setting_and_the_path()
    {
        var path = Path.Combine(_folder, "absent.onnx");
        var services = new ServiceCollection().AddLogging().AddEndOfTurnScorer(configureModel: o => o.ModelPath = path).BuildServiceProvider();

        var error = Assert.Throws<InvalidDataException>(() => services.GetRequiredService<IEndOfTurnModel>());

        Assert.Equal($"AiLoop:EndOfTurnModel:ModelPath: no file at '{path}'", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_onnx_model_is_refused_at_load_with_the_reason()
    {
        var path = Path.Combine(_folder, "garbage.onnx");
        File.WriteAllText(path, "not a model");

        var error = Assert.Throws<InvalidDataException>(() => OnnxEndOfTurnSession.Load(path));

        Assert.StartsWith($"AiLoop:EndOfTurnModel:ModelPath: '{path}' is not a loadable ONNX model (", error.Message);
    }

    [Fact]
    public void A_model_without_the_text_input_is_refused_at_load_naming_what_the_slot_feeds()
    {
        var path = LoudnessEndOfTurnModelDouble.Write(_folder, withText: false);

        var error = Assert.Throws<InvalidDataException>(() => OnnxEndOfTurnSession.Load(path));

        Assert.Equal($"'{path}' has no input 'text' (has audio); the end-of-turn model slot feeds 'audio' (float32 [1, samples]) and 'text' (string [1])", error.Message);
    }

    [Fact]
    public void Without_a_model_path_the_builtin_scorer_is_the_end_of_turn_model()
    {
        var services = new ServiceCollection().AddLogging().AddEndOfTurnScorer().BuildServiceProvider();

        Assert.IsType<TranscriptEndOfTurnScorer>(services.GetRequiredService<IEndOfTurnModel>());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private OnnxEndOfTurnModel Load() => new(new OnnxEndOfTurnOptions { ModelPath = LoudnessEndOfTurnModelDouble.Write(_folder) }, _waits,
        new TranscriptEndOfTurnScorer(_waits), NullLogger.Instance);

    private static EndOfTurnContext Pause(string words, int silenceMs) =>
        new("en-US", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(silenceMs), words, TimeSpan.FromMilliseconds(500));

    private static void Feed(IAudioEndOfTurnModel call, short amplitude, int frames)
    {
        var frame = new short[320];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(i % 2 == 0 ? amplitude : -amplitude);
        }
        for (var i = 0; i < frames; i++)
        {
            call.OnAudio(frame);
        }
    }

    /// <summary>Waits for the model's worker to answer (the version to move past <paramref name="version"/>).</summary>
    private static async Task AnswerAsync(IAudioEndOfTurnModel call, int version)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (call.AnswerVersion == version)
        {
            Assert.True(DateTime.UtcNow < deadline, "the model never answered");
            await Task.Delay(10);
        }
    }
}
