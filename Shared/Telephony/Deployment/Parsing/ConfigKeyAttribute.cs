namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>The key a property is written as in voice.yaml. The binder, the unknown-key check and
/// the JSON Schema generator all read this one attribute, so they cannot disagree.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ConfigKeyAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
