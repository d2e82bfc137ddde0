using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>
/// Reads a JSON object into a <typeparamref name="T"/> from a table of its fields: the one reader loop every
/// webhook model shares. Each field is matched by its camelCase name or its snake_case form (protobuf JSON
/// accepts both); unknown fields are skipped; a repeated field is read again (the last one wins).
/// </summary>
internal sealed class JsonObjectReader<T> where T : class
{
    private readonly Dictionary<string, (string Name, JsonFieldReader<T> Read)> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, JsonFieldReader<T> Read)>.AlternateLookup<ReadOnlySpan<char>> _byName;

    public JsonObjectReader() => _byName = _fields.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The camelCase names this reader reads (for the conformance check against LiveKit's definitions).</summary>
    public IEnumerable<string> FieldNames => _fields.Values.Select(f => f.Name).Distinct(StringComparer.Ordinal);

    /// <summary>Adds a field under <paramref name="camelCaseName"/> and its snake_case form.</summary>
    public JsonObjectReader<T> Field(string camelCaseName, JsonFieldReader<T> read)
    {
        if (camelCaseName.Length > JsonPropertyName.MaxLength)
        {
            throw new ArgumentException($"'{camelCaseName}' is longer than the {JsonPropertyName.MaxLength} characters a property name is read into", nameof(camelCaseName));
        }
        _fields.Add(camelCaseName, (camelCaseName, read));
        _fields.TryAdd(JsonNamingPolicy.SnakeCaseLower.ConvertName(camelCaseName), (camelCaseName, read));
        return this;
    }

    /// <summary>
    /// Reads the object under the reader into <paramref name="target"/>; <c>null</c> leaves it as it is.
    /// Anything else than an object or null is an error naming <paramref name="parent"/>.<paramref name="name"/>.
    /// </summary>
    /// <returns>False when the value was null.</returns>
    public bool ReadInto(ref Utf8JsonReader reader, string parent, string name, T target)
    {
        if (!JsonField.StartObject(ref reader, parent, name))
        {
            return false;
        }
        ReadProperties(ref reader, JsonField.Join(parent, name), target);
        return true;
    }

    /// <summary>Reads the properties of the object the reader has just started, up to its end.</summary>
    public void ReadProperties(ref Utf8JsonReader reader, string path, T target)
    {
        Span<char> nameBuffer = stackalloc char[JsonPropertyName.MaxLength];
        while (JsonField.NextProperty(ref reader))
        {
            ReadOnlySpan<char> name = nameBuffer[..JsonPropertyName.Read(ref reader, nameBuffer)];
            if (!_byName.TryGetValue(name, out var field))
            {
                reader.Skip();
                continue;
            }
            reader.Read();
            field.Read(ref reader, path, field.Name, target);
        }
    }
}
