using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>EgressInfo.fileResults: the files an egress wrote.</summary>
internal static class FileResultParser
{
    internal static readonly JsonObjectReader<EgressFileResult> Fields = new JsonObjectReader<EgressFileResult>()
        .Field("filename", (ref reader, path, field, file) => file.Filename = JsonField.String(ref reader, path, field))
        .Field("location", (ref reader, path, field, file) => file.Location = JsonField.String(ref reader, path, field))
        .Field("startedAt", (ref reader, path, field, file) => file.StartedAtNs = JsonField.Int64(ref reader, path, field))
        .Field("endedAt", (ref reader, path, field, file) => file.EndedAtNs = JsonField.Int64(ref reader, path, field))
        .Field("duration", (ref reader, path, field, file) => file.DurationNs = JsonField.Int64(ref reader, path, field))
        .Field("size", (ref reader, path, field, file) => file.SizeBytes = JsonField.Int64(ref reader, path, field));

    public static List<EgressFileResult> ReadList(ref Utf8JsonReader reader, string parent, string field)
    {
        var files = new List<EgressFileResult>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return files;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonField.Shape(parent, field, "an array");
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var file = new EgressFileResult();
            if (!Fields.ReadInto(ref reader, parent, $"{field}[{files.Count}]", file))
            {
                throw JsonField.Shape(parent, $"{field}[{files.Count}]", "an object");
            }
            files.Add(file);
        }
        return files;
    }
}
