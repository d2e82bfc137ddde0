using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>The registration methods of the end-of-turn scorer and the Silero VAD, and their option validation.</summary>
public sealed class RecognitionRegistrationTests
{
    [Fact]
    public void The_end_of_turn_scorer_is_registered_as_the_end_of_turn_model()
    {
        using var provider = new ServiceCollection().AddEndOfTurnScorer().BuildServiceProvider();

        Assert.IsType<TranscriptEndOfTurnScorer>(provider.GetRequiredService<IEndOfTurnModel>());
    }

    [Fact]
    public void An_end_of_turn_wait_out_of_range_is_refused_naming_the_setting()
    {
        using var provider = new ServiceCollection().AddEndOfTurnScorer(o => o.CompleteSilenceMs = 5).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IEndOfTurnModel>());

        Assert.Contains(nameof(EndOfTurnScorerOptions.CompleteSilenceMs), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silero_vad_without_its_model_gives_each_call_an_energy_detector()
    {
        using var provider = new ServiceCollection().AddLogging().AddSileroVad(o => o.ModelPath = "/nonexistent/silero_vad.onnx").BuildServiceProvider();

        var create = provider.GetRequiredService<Func<IVoiceActivityDetector>>();

        Assert.IsType<EnergyVoiceActivityDetector>(create());
        Assert.NotSame(create(), create());
    }
}
