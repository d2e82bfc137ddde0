namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>Where a node starts in the deployment file (1-based line and column).</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Unknown = new(0, 0);

    public override string ToString() => $"{Line}:{Column}";
}
