using VoiceFunctions.Functions.Campaigns;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>The CSV form of a campaign's numbers: RFC 4180 fields, a header naming the columns, problems by line.</summary>
public sealed class CampaignCsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_empty_cells_leave_their_variable_out()
    {
        var (entries, lines, errors) = CampaignCsv.Read("\"to\",TimeZone,name,note\r\n+15550001111,Europe/Berlin,\"Lovelace, Ada\",\"a \"\"b\"\"\nc\"\r\n\r\n+15550001112,,Bob,\n", 10);

        Assert.Empty(errors);
        Assert.Equal([2, 5], lines);
        Assert.Equal(("+15550001111", "Europe/Berlin", "Lovelace, Ada", "a \"b\"\nc"), (entries[0].To, entries[0].TimeZone, entries[0].Variables!["name"], entries[0].Variables!["note"]));
        Assert.Equal(("+15550001112", null, false), (entries[1].To, entries[1].TimeZone, entries[1].Variables!.ContainsKey("note")));
    }

    [Theory]
    [InlineData("", "csv: empty; the first line must be a header naming the columns, e.g. to,timeZone,name")]
    [InlineData("number,name\n+15550001111,Ada\n", "line 1: the header has no \"to\" column (the callee's number)")]
    [InlineData("to,first name\n+15550001111,Ada\n", "line 1: column 2 is not a variable name (1-64 characters from A-Z, a-z, 0-9, '_')")]
    [InlineData("to,name,Name\n+15550001111,Ada,Ada\n", "line 1: column 3 repeats the name of an earlier column")]
    [InlineData("to,name\n+15550001111,Ada,extra\n", "line 2: 3 fields, the header has 2")]
    [InlineData("to,name\n+15550001111,\"Ada\n", "line 2: a quoted field is not closed")]
    [InlineData("to,name\n+15550001111,Ad\"a\n", "line 2: a quote inside an unquoted field (quote the whole field and double the quote)")]
    [InlineData("to,name\n+15550001111,\"Ada\"x\n", "line 2: text after a closing quote")]
    [InlineData("to\n+15550001111\n+15550001112\n+15550001113\n", "csv: 3 numbers, at most 2 per campaign")]
    public void Bad_csv_is_refused_naming_the_line(string csv, string problem) =>
        Assert.Equal([problem], CampaignCsv.Read(csv, 2).Errors);
}
