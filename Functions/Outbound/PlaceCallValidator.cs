using System.Buffers;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Checks a <see cref="PlaceCallRequest"/>; every problem is named by its field, never echoing a value.</summary>
public static class PlaceCallValidator
{
    public const int MaxVariables = 32;
    public const int MaxVariableLength = 512;
    public const int MaxKeyLength = 64;

    private static readonly SearchValues<char> KeyCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");
    private static readonly SearchValues<char> NameCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    public static IReadOnlyList<string> Validate(PlaceCallRequest request, string? headerKey)
    {
        var errors = new List<string>();
        if (!IsE164(request.To))
        {
            errors.Add("to: required, an E.164 number such as +15550001111");
        }
        if (request.From is not null && !IsE164(request.From))
        {
            errors.Add("from: must be an E.164 number such as +15550002222 (or left out for the trunk's default)");
        }
        if (request.IdempotencyKey is not null && headerKey is not null && request.IdempotencyKey != headerKey)
        {
            errors.Add("idempotencyKey: differs from the Idempotency-Key header; send one or make them equal");
        }
        if ((request.IdempotencyKey ?? headerKey) is { } key && (key.Length is 0 or > MaxKeyLength || key.AsSpan().ContainsAnyExcept(KeyCharacters)))
        {
            errors.Add($"idempotencyKey: 1-{MaxKeyLength} characters from A-Z, a-z, 0-9, '-', '_', '.'");
        }
        if (request.RingTimeoutSeconds is { } ring && ring is < 5 or > 120)
        {
            errors.Add("ringTimeoutSeconds: from 5 to 120");
        }
        if (request.Variables is { } variables)
        {
            if (variables.Count > MaxVariables)
            {
                errors.Add($"variables: at most {MaxVariables}");
            }
            foreach (var (name, value) in variables)
            {
                if (name.Length is 0 or > 64 || name.AsSpan().ContainsAnyExcept(NameCharacters))
                {
                    errors.Add("variables: a name must be 1-64 characters from A-Z, a-z, 0-9, '_'");
                    break;
                }
                if (value is null || value.Length > MaxVariableLength)
                {
                    errors.Add($"variables.{name}: a text of at most {MaxVariableLength} characters");
                }
            }
        }
        return errors;
    }

    private static bool IsE164(string? number) =>
        number is { Length: >= 8 and <= 16 } && number[0] == '+' && number[1] != '0' && number.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
