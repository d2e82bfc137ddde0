using System.Text.Json;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The <c>send_dtmf</c> tool: the model presses keys on the call (an IVR menu on the far side, an extension, a PIN).
/// Digits go out as RFC 4733 events, one after another; the model gets back what was sent, or why nothing was.
/// </summary>
internal static class SendDtmfTool
{
    public const string Name = "send_dtmf";

    /// <summary>Longest key sequence in one call of the tool: an extension or an account number, not a flood.</summary>
    public const int MaxDigits = 32;

    /// <summary>How long each key is held (RFC 4733 event duration); 100 ms is what a person's keypad sends.</summary>
    public static readonly TimeSpan KeyDuration = TimeSpan.FromMilliseconds(100);

    private static readonly JsonElement Parameters = JsonDocument.Parse("""
        {"type":"object","properties":{"digits":{"type":"string","description":"The keys to press in order: 0-9, *, #, A-D"}},"required":["digits"]}
        """).RootElement.Clone();

    public static ToolDefinition Definition { get; } = new(Name,
        "Press telephone keys (DTMF) on this call, for example to choose an option in an automated menu or enter an extension.", Parameters);

    /// <summary>Sends the digits of <paramref name="argumentsJson"/>; returns the tool's JSON answer for the model.</summary>
    public static async Task<string> RunAsync(ICallSession session, string argumentsJson, CancellationToken cancellationToken)
    {
        if (Validate(argumentsJson) is { Error: { } error })
        {
            return JsonSerializer.Serialize(new { error });
        }
        var digits = Validate(argumentsJson).Digits!;
        foreach (var digit in digits)
        {
            if (!await session.SendDtmfAsync(digit, KeyDuration, cancellationToken).ConfigureAwait(false))
            {
                return JsonSerializer.Serialize(new { error = $"the call could not send '{digit}' (no telephone-event negotiated)", sent = digits[..digits.IndexOf(digit, StringComparison.Ordinal)] });
            }
        }
        return JsonSerializer.Serialize(new { sent = digits });
    }

    /// <summary>The digits to send, or a specific reason why the arguments are not acceptable.</summary>
    public static (string? Digits, string? Error) Validate(string argumentsJson)
    {
        string? digits;
        try
        {
            using var document = JsonDocument.Parse(argumentsJson);
            digits = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("digits", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return (null, "arguments are not JSON");
        }
        if (string.IsNullOrEmpty(digits))
        {
            return (null, "digits is missing or empty");
        }
        digits = digits.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (digits.Length > MaxDigits)
        {
            return (null, $"at most {MaxDigits} digits at once");
        }
        var bad = digits.FirstOrDefault(c => !(char.IsAsciiDigit(c) || c is '*' or '#' or 'A' or 'B' or 'C' or 'D'));
        return bad != default ? (null, $"'{bad}' is not a telephone key (0-9, *, #, A-D)") : (digits, null);
    }
}
