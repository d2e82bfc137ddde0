using System.Collections;
using System.Globalization;

namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>
/// Structured log state or scope with every value masked: what providers receive instead of the caller's state.
/// Strings are masked; numbers, booleans, enums, dates, durations and GUIDs cannot carry a secret and stay typed;
/// any other object is turned into its masked string (its ToString might embed a URL with a token).
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    private RedactedLogState(string message, KeyValuePair<string, object?>[] values)
    {
        Message = message;
        _values = values;
    }

    /// <summary>The masked formatted message (or, for a scope, its masked text).</summary>
    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static RedactedLogState ForEntry<TState>(TState state, string redactedMessage, SecretRedactor redactor) =>
        new(redactedMessage, RedactValues(state, redactor));

    /// <summary>A scope: structured scopes keep their keys with masked values; any other scope becomes masked text.</summary>
    public static object ForScope<TState>(TState state, SecretRedactor redactor) where TState : notnull
    {
        if (state is IEnumerable<KeyValuePair<string, object?>>)
        {
            return new RedactedLogState(redactor.Redact(state.ToString() ?? ""), RedactValues(state, redactor));
        }
        return RedactValue(state, redactor) ?? "";
    }

    private static KeyValuePair<string, object?>[] RedactValues<TState>(TState state, SecretRedactor redactor)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            return [];
        }
        var list = new List<KeyValuePair<string, object?>>();
        foreach (var pair in pairs)
        {
            // The template is masked too: an interpolated string passed as the "template" carries data.
            list.Add(new(pair.Key, RedactValue(pair.Value, redactor)));
        }
        return list.ToArray();
    }

    private static object? RedactValue(object? value, SecretRedactor redactor) => value switch
    {
        null => null,
        string text => redactor.Redact(text),
        bool or byte or sbyte or short or ushort or int or uint or float or double or decimal or Enum => value,
        DateTime or DateTimeOffset or TimeSpan or Guid => value,
        // long/ulong may hold a phone number written as digits; format and mask like text.
        _ => redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
