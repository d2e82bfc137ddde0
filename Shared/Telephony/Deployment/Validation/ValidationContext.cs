using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using VoiceFunctions.Shared.Telephony.Numbers;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>What every check reads and writes: the bound file, the environment and the problem list.
/// Numbers are normalised once here so each bad number is reported once, however many checks read it.</summary>
internal sealed class ValidationContext(DeploymentFile file, Func<string, string?> environment, List<Diagnostic> diagnostics)
{
    private readonly Dictionary<Located<string>, PhoneNumber?> numbers = new(ReferenceEqualityComparer.Instance);

    public DeploymentFile File { get; } = file;

    public Func<string, string?> Environment { get; } = environment;

    public void Error(string code, SourcePosition at, string message, string? explanation = null) =>
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, at, message, explanation));

    public void Warning(string code, SourcePosition at, string message, string? explanation = null) =>
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, code, at, message, explanation));

    /// <summary>The E.164 form of a number written in the file, or null (reported once) when it has none.</summary>
    public PhoneNumber? Number(Located<string> written)
    {
        if (numbers.TryGetValue(written, out var known))
        {
            return known;
        }

        PhoneNumber? result = null;
        if (PhoneNumber.TryParse(written.Value, out var number, out var problem))
        {
            result = number;
            if (written.Value != number.E164)
            {
                Warning(DiagnosticCodes.NumberShownNormalised, written.Position,
                    $"'{written.Value}' is read as {number.E164}",
                    "voicectl sends numbers to LiveKit in E.164 form; write it that way so the file shows what LiveKit stores.");
            }
        }
        else
        {
            Error(DiagnosticCodes.InvalidNumber, written.Position, $"'{written.Value}' is not a phone number: {problem}");
        }
        numbers[written] = result;
        return result;
    }

    /// <summary>The E.164 forms of the numbers that could be read, in order and without duplicates.</summary>
    public IReadOnlyList<string> Numbers(IEnumerable<Located<string>> written) =>
        written.Select(Number).Where(n => n is not null).Select(n => n!.Value.E164).Distinct().ToArray();

    public static string NameOf(Located<string>? name) => name?.Value ?? "(unnamed)";
}
