using System.Text;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Reads a campaign's numbers from CSV (RFC 4180: comma-separated, fields optionally in double quotes with "" for a
/// quote, CRLF or LF line ends). The header row names the columns: "to" (required), "timeZone" (optional), and each
/// other column is a variable of that name. An empty cell leaves its variable out. Problems name the line.
/// </summary>
public static class CampaignCsv
{
    /// <returns>The entries and, for each, the line it came from (1-based, the header is line 1); or the problems.</returns>
    public static (List<CampaignEntry> Entries, List<int> Lines, List<string> Errors) Read(string text, int maxNumbers)
    {
        var entries = new List<CampaignEntry>();
        var lines = new List<int>();
        var errors = new List<string>();
        var rows = Rows(text, errors);
        if (errors.Count > 0)
        {
            return (entries, lines, errors);
        }
        if (rows.Count == 0)
        {
            errors.Add("csv: empty; the first line must be a header naming the columns, e.g. to,timeZone,name");
            return (entries, lines, errors);
        }
        var (_, header) = rows[0];
        var to = header.FindIndex(h => h.Equals("to", StringComparison.OrdinalIgnoreCase));
        var zone = header.FindIndex(h => h.Equals("timeZone", StringComparison.OrdinalIgnoreCase));
        if (to < 0)
        {
            errors.Add("line 1: the header has no \"to\" column (the callee's number)");
        }
        for (var c = 0; c < header.Count; c++)
        {
            if (c != to && c != zone && !PlaceCallValidator.IsVariableName(header[c]))
            {
                errors.Add($"line 1: column {c + 1} is not a variable name (1-64 characters from A-Z, a-z, 0-9, '_')");
            }
            else if (header.FindIndex(h => h.Equals(header[c], StringComparison.OrdinalIgnoreCase)) != c)
            {
                errors.Add($"line 1: column {c + 1} repeats the name of an earlier column");
            }
        }
        if (rows.Count - 1 > maxNumbers)
        {
            errors.Add($"csv: {rows.Count - 1} numbers, at most {maxNumbers} per campaign");
        }
        if (errors.Count > 0)
        {
            return (entries, lines, errors);
        }
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.Count != header.Count)
            {
                errors.Add($"line {line}: {cells.Count} fields, the header has {header.Count}");
                continue;
            }
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < cells.Count; c++)
            {
                if (c != to && c != zone && cells[c].Length > 0)
                {
                    variables[header[c]] = cells[c];
                }
            }
            entries.Add(new CampaignEntry(cells[to], zone >= 0 && cells[zone].Length > 0 ? cells[zone] : null, variables));
            lines.Add(line);
        }
        return (entries, lines, errors);
    }

    /// <summary>Splits the text into rows of fields, each with its line number; blank lines are skipped.</summary>
    private static List<(int Line, List<string> Cells)> Rows(string text, List<string> errors)
    {
        var rows = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    errors.Add($"line {line}: a quote inside an unquoted field (quote the whole field and double the quote)");
                    return rows;
                case ',':
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    line++;
                    rowLine = line;
                    break;
                default:
                    if (wasQuoted && !char.IsWhiteSpace(c))
                    {
                        errors.Add($"line {line}: text after a closing quote");
                        return rows;
                    }
                    cell.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            errors.Add($"line {rowLine}: a quoted field is not closed");
            return rows;
        }
        EndRow();
        return rows;

        void EndRow()
        {
            cells.Add(cell.ToString().Trim());
            cell.Clear();
            wasQuoted = false;
            if (cells.Count > 1 || cells[0].Length > 0)
            {
                rows.Add((rowLine, cells));
            }
            cells = [];
        }
    }
}
