using VoiceFunctions.Shared.Telephony.Deployment.Agents;

namespace VoiceFunctions.Shared.Tests.Telephony.Agents;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Placeholders_are_filled_and_ones_without_a_value_are_left_out_and_reported()
    {
        var missing = new List<string>();
        var values = new Dictionary<string, string> { ["name"] = "Ada" };

        var text = PromptTemplate.Fill("Hi {{name}}, order {{ order }} for {{name}}.", n => values.GetValueOrDefault(n), missing);

        Assert.Equal("Hi Ada, order  for Ada.", text);
        Assert.Equal(["order"], missing);
    }

    [Fact]
    public void Text_that_only_looks_like_a_placeholder_is_kept_as_written()
    {
        var missing = new List<string>();

        Assert.Equal("{{1abc}} and {single}", PromptTemplate.Fill("{{1abc}} and {single}", _ => "x", missing));
        Assert.Empty(missing);
    }

    [Fact]
    public void Placeholders_are_listed_once_each_in_order()
    {
        Assert.Equal(["b", "a"], PromptTemplate.Placeholders("{{b}} {{a}} {{b}}"));
    }
}
