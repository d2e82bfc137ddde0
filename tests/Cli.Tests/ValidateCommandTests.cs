using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

public class ValidateCommandTests
{
    private static readonly Dictionary<string, string?> Plain = new(CorpusEnvironment.Variables) { ["NO_COLOR"] = null };

    [Fact]
    public async Task Missing_file_argument_is_a_usage_error_with_exit_2()
    {
        var result = await VoicectlProcess.RunAsync(Plain, "sip", "validate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("FILE", result.Error);
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_a_usage_error_with_exit_2()
    {
        var result = await VoicectlProcess.RunAsync(Plain, "sip", "validate", "/nonexistent/voice.yaml");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no such file", result.Error);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_exit_2()
    {
        var result = await VoicectlProcess.RunAsync(Plain, "sip", "validate", "--strict", "x.yaml");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public async Task Output_to_a_pipe_has_no_colour_codes_even_without_NO_COLOR()
    {
        var result = await VoicectlProcess.RunAsync(Plain, "sip", "validate", Path.Combine(CorpusFile.Folder, "seeds-style.yaml"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.DoesNotContain("\u001b[", result.Output);
        Assert.Contains("invalid (seeds-style.yaml: 6 errors, 3 warnings)", result.Output);
    }

    [Fact]
    public async Task Schema_command_prints_the_committed_schema()
    {
        var result = await VoicectlProcess.RunAsync(Plain, "sip", "schema");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "voice.schema.json")), result.Output);
    }

    [Fact]
    public async Task Bridge_config_of_the_sample_names_no_trunks_and_enables_the_listed_codecs()
    {
        var result = await VoicectlProcess.RunAsync(Plain, "sip", "bridge-config", Path.Combine(RepoPaths.Root, "docs", "voice.sample.yaml"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("ws_url: \"wss://livekit.example.com\"", result.Output);
        Assert.Contains("\"opus/48000/2\": false", result.Output);
        Assert.DoesNotContain("trunks:", result.Output);
        Assert.DoesNotContain(CorpusEnvironment.Variables["LIVEKIT_API_SECRET"]!, result.Output);
    }

    [Fact]
    public async Task Bridge_config_of_an_invalid_file_prints_the_problems_and_exits_1()
    {
        var result = await VoicectlProcess.RunAsync(Plain, "sip", "bridge-config", Path.Combine(CorpusFile.Folder, "seeds-style.yaml"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("VC017", result.Output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("sip", "--help")]
    [InlineData("sip", "apply", "--help")]
    [InlineData("doctor", "--help")]
    [InlineData("token", "create", "--help")]
    public async Task Help_fits_80_columns_even_when_piped(params string[] args)
    {
        var result = await VoicectlProcess.RunAsync(Plain, args);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
    }

    [Fact]
    public async Task No_command_is_a_usage_error_with_exit_2()
    {
        var result = await VoicectlProcess.RunAsync(Plain);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }
}
