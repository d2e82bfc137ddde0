namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>Base of every mapping in the deployment file: remembers where the mapping starts.</summary>
public abstract class ConfigObject
{
    public SourcePosition Position { get; set; }
}
