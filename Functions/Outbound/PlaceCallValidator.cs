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

    /// <summary>What an idempotency key may be (calls and campaigns alike).</summary>
    public static readonly string KeyRule = $"1-{MaxKeyLength} characters from A-Z, a-z, 0-9, '-', '_', '.'";

    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && !key.AsSpan().ContainsAnyExcept(KeyCharacters);

    /// <param name="callerIds">The configured caller IDs (<see cref="OutboundOptions.CallerIds"/>): "from" must be one of them.</param>
    public static IReadOnlyList<string> Validate(PlaceCallRequest request, string? headerKey, IReadOnlyCollection<string> callerIds)
    {
        var errors = new List<string>();
        if (!IsE164(request.To))
        {
            errors.Add("to: required, an E.164 number such as +15550001111");
        }
        if (FromProblem(request.From, callerIds) is { } from)
        {
            errors.Add(from);
        }
        if (request.IdempotencyKey is not null && headerKey is not null && request.IdempotencyKey != headerKey)
        {
            errors.Add("idempotencyKey: differs from the Idempotency-Key header; send one or make them equal");
        }
        if ((request.IdempotencyKey ?? headerKey) is { } key && !IsValidKey(key))
        {
            errors.Add("idempotencyKey: " + KeyRule);
        }
        if (request.RingTimeoutSeconds is { } ring && ring is < 5 or > 120)
        {
            errors.Add("ringTimeoutSeconds: from 5 to 120");
        }
        if (request.Variables is { } variables)
        {
            AddVariableProblems(variables, "variables", errors);
        }
        return errors;
    }

    /// <summary>Null when <paramref name="from"/> is absent or one of <paramref name="callerIds"/>, else the problem (naming the field "from").</summary>
    public static string? FromProblem(string? from, IReadOnlyCollection<string> callerIds) => from switch
    {
        null => null,
        _ when !IsE164(from) => "from: must be an E.164 number such as +15550002222 (or left out for the trunk's default)",
        _ when callerIds.Count == 0 => "from: no caller IDs are configured (Outbound:CallerIds); leave from out to use the trunk's default",
        _ when !callerIds.Contains(from, StringComparer.Ordinal) => "from: not one of our outbound numbers (Outbound:CallerIds)",
        _ => null,
    };

    /// <summary>Adds the problems of per-call variables to <paramref name="errors"/>, naming them under <paramref name="field"/>.</summary>
    public static void AddVariableProblems(IReadOnlyDictionary<string, string> variables, string field, List<string> errors)
    {
        if (variables.Count > MaxVariables)
        {
            errors.Add($"{field}: at most {MaxVariables}");
        }
        foreach (var (name, value) in variables)
        {
            if (!IsVariableName(name))
            {
                errors.Add($"{field}: a name must be 1-64 characters from A-Z, a-z, 0-9, '_'");
                break;
            }
            if (value is null || value.Length > MaxVariableLength)
            {
                errors.Add($"{field}.{name}: a text of at most {MaxVariableLength} characters");
            }
        }
    }

    public static bool IsVariableName(string name) => name.Length is > 0 and <= 64 && !name.AsSpan().ContainsAnyExcept(NameCharacters);

    public static bool IsE164(string? number) =>
        number is { Length: >= 8 and <= 16 } && number[0] == '+' && number[1] != '0' && number.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
