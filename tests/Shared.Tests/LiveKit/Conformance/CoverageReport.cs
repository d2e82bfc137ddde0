namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>What a walk over LiveKit's definitions found: fields modelled, fields listed as unsupported, and what is wrong.</summary>
public sealed class CoverageReport
{
    public int Total { get; private set; }

    public int Covered { get; private set; }

    public int Listed { get; private set; }

    /// <summary>Fields and values neither modelled nor listed.</summary>
    public List<string> Uncovered { get; } = [];

    /// <summary>Modelled wrongly: a property LiveKit does not define, a wrong type, an enum name LiveKit does not know.</summary>
    public List<string> Mismatches { get; } = [];

    /// <returns>True when the field is not modelled but listed with a reason.</returns>
    public bool Count(string key, bool covered, UnsupportedFields unsupported)
    {
        Total++;
        if (covered)
        {
            Covered++;
            return false;
        }
        if (unsupported.IsListed(key))
        {
            Listed++;
            return true;
        }
        Uncovered.Add(key);
        return false;
    }

    /// <summary>A field inside a message whose parent field is listed: unsupported for the parent's reason.</summary>
    public void CountListedWithParent()
    {
        Total++;
        Listed++;
    }

    public override string ToString() =>
        $"{Covered} of {Total} modelled ({Percent(Covered)}), {Listed} listed with a reason ({Percent(Listed)}), {Uncovered.Count} neither, {Mismatches.Count} mismatches";

    private string Percent(int part) => Total == 0 ? "-" : (100.0 * part / Total).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
