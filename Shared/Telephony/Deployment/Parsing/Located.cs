namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>A value read from the file together with where it was written, so checks made after
/// binding (duplicates, coverage, CIDRs) can still point at the exact line and column.</summary>
public sealed record Located<T>(T Value, SourcePosition Position)
{
    public override string ToString() => Value?.ToString() ?? "";
}
