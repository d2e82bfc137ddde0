using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Reads POST /api/campaigns: a JSON <see cref="StartCampaignRequest"/>, or (Content-Type text/csv) the numbers as CSV
/// with the settings in the query string. Returns the request and how to name its entries, or the problems.
/// </summary>
public static class CampaignRequestReader
{
    public static async Task<(StartCampaignRequest? Request, EntryNames Names, List<string> Errors)> ReadAsync(HttpRequest request, int maxBytes, int maxNumbers, CancellationToken ct)
    {
        var errors = new List<string>();
        var body = await ReadBodyAsync(request.Body, maxBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            errors.Add($"the body is over {maxBytes} bytes");
            return (null, EntryNames.Json, errors);
        }
        if (request.ContentType is { } type && type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            }
            catch (DecoderFallbackException)
            {
                errors.Add("csv: not UTF-8 text");
                return (null, EntryNames.Json, errors);
            }
            var (entries, lines, csvErrors) = CampaignCsv.Read(text.TrimStart('\uFEFF'), maxNumbers);
            errors.AddRange(csvErrors);
            var settings = CampaignQuery.Settings(request.Query, entries, errors);
            return (errors.Count == 0 ? settings : null, EntryNames.Csv(lines), errors);
        }
        try
        {
            var parsed = JsonSerializer.Deserialize<StartCampaignRequest>(body, CallsApiJson.Options);
            if (parsed is null)
            {
                errors.Add("the body is empty; send {\"entries\":[{\"to\":\"+15550001111\"}]} or text/csv");
            }
            return (parsed, EntryNames.Json, errors);
        }
        catch (JsonException e)
        {
            errors.Add($"the body is not a campaign request: invalid JSON at {e.Path ?? "$"}" + (e.LineNumber is { } line ? $" (line {line + 1})" : ""));
            return (null, EntryNames.Json, errors);
        }
    }

    /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
