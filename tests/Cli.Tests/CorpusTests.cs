using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Telephony.Deployment;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>Every file of the corpus, each with its exact expected problems and positions.</summary>
public class CorpusTests
{
    public static TheoryData<string> Files => CorpusFile.All();

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_produces_exactly_its_expected_problems(string name)
    {
        var corpus = CorpusFile.Load(name);

        var document = DeploymentFileLoader.Load(corpus.Text, corpus.Path, CorpusEnvironment.Get);

        var actual = document.Diagnostics.Select(d => $"{d.Position} {(d.IsError ? "error" : "warning")} {d.Code}").ToArray();
        Assert.Equal(corpus.Expected.Select(e => e.Key).ToArray(), actual);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.StartsWith(corpus.Expected[i].MessageStart, document.Diagnostics[i].Message);
        }
        foreach (var (code, text) in corpus.Explained)
        {
            Assert.Contains(document.Diagnostics, d => d.Code == code && (d.Explanation ?? "").Contains(text, StringComparison.Ordinal));
        }
        foreach (var secret in corpus.Absent)
        {
            Assert.DoesNotContain(document.Diagnostics, d => (d.Message + d.Explanation).Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Validate_command_prints_each_problem_at_its_position_and_exits_by_validity(string name)
    {
        var corpus = CorpusFile.Load(name);

        var result = await VoicectlProcess.RunAsync(CorpusEnvironment.Variables, "sip", "validate", corpus.Path);

        var expectedExit = corpus.Expected.Any(e => e.Severity == "error") ? ExitCodes.Failed : ExitCodes.Ok;
        Assert.True(expectedExit == result.ExitCode, result.ToString());
        foreach (var expectation in corpus.Expected)
        {
            Assert.Contains($"{name}:{expectation.Position}: {expectation.Severity} {expectation.Code}:", result.Output);
        }
        foreach (var secret in corpus.Absent)
        {
            Assert.DoesNotContain(secret, result.Output + result.Error);
        }
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.Length <= 80, $"wider than 80 columns: {line}"));
        Assert.DoesNotContain("\u001b[", result.Output);
    }

    [Fact]
    public void Valid_sample_in_the_corpus_is_the_sample_in_docs()
    {
        var copy = File.ReadAllText(Path.Combine(CorpusFile.Folder, "valid-sample.yaml"));
        var sample = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "voice.sample.yaml"));

        Assert.Equal(sample, copy[(copy.IndexOf('\n') + 1)..]);
    }
}
