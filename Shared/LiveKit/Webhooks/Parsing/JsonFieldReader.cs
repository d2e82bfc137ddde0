using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>
/// Reads one field's value (the reader is on the value token) into <paramref name="target"/>;
/// <paramref name="field"/> is the field's camelCase name, for the error path.
/// </summary>
internal delegate void JsonFieldReader<in T>(ref Utf8JsonReader reader, string path, string field, T target);
