using System.Globalization;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

public sealed class AudioFrontEndOptionsTests
{
    private static readonly AudioFrontEndOptionsValidator Validator = new();

    [Fact]
    public void Every_setting_is_in_the_docs_settings_table_with_its_default()
    {
        var rows = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "audio-front-end.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Replace('\u2212', '-'))
            .ToArray();
        var defaults = new AudioFrontEndOptions();
        foreach (var property in typeof(AudioFrontEndOptions).GetProperties())
        {
            var row = rows.FirstOrDefault(r => r.Contains($"`{property.Name}`", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/audio-front-end.md has no settings row for {property.Name}");
            var value = Convert.ToString(property.GetValue(defaults), CultureInfo.InvariantCulture)!.ToLowerInvariant();
            Assert.True(row.Contains(value, StringComparison.Ordinal), $"the docs row for {property.Name} does not give its default {value}: {row}");
        }
    }

    [Fact]
    public void The_defaults_are_valid_and_switched_on()
    {
        var options = new AudioFrontEndOptions();
        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.True(options.Enabled);
    }

    [Theory]
    [InlineData(nameof(AudioFrontEndOptions.EchoTailMs), 20, "AudioFrontEnd:EchoTailMs")]
    [InlineData(nameof(AudioFrontEndOptions.EchoTailMs), 130, "multiple of the 20 ms frame")]
    [InlineData(nameof(AudioFrontEndOptions.MaxEchoDelayMs), -1, "AudioFrontEnd:MaxEchoDelayMs")]
    [InlineData(nameof(AudioFrontEndOptions.NoiseSuppressionDb), 61, "AudioFrontEnd:NoiseSuppressionDb")]
    [InlineData(nameof(AudioFrontEndOptions.EchoSuppressionDb), -5, "AudioFrontEnd:EchoSuppressionDb")]
    [InlineData(nameof(AudioFrontEndOptions.EchoSuppressionActiveDb), 50, "EchoSuppressionActiveDb (50) must not exceed EchoSuppressionDb (40)")]
    [InlineData(nameof(AudioFrontEndOptions.AgcLevel), 100, "AudioFrontEnd:AgcLevel")]
    [InlineData(nameof(AudioFrontEndOptions.AgcMaxGainDb), 41, "AudioFrontEnd:AgcMaxGainDb")]
    [InlineData(nameof(AudioFrontEndOptions.VadStartProbabilityPercent), 0, "AudioFrontEnd:VadStartProbabilityPercent")]
    [InlineData(nameof(AudioFrontEndOptions.VadContinueProbabilityPercent), 60, "must not exceed VadStartProbabilityPercent")]
    public void A_setting_out_of_range_is_rejected_naming_the_key_and_the_rule(string property, int value, string expected)
    {
        var options = new AudioFrontEndOptions();
        typeof(AudioFrontEndOptions).GetProperty(property)!.SetValue(options, value);

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void A_far_end_threshold_above_speech_level_is_rejected()
    {
        var result = Validator.Validate(null, new AudioFrontEndOptions { FarEndActiveDbfs = -5 });
        Assert.Contains("AudioFrontEnd:FarEndActiveDbfs", result.FailureMessage);
    }
}
