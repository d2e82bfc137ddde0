using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment;

/// <summary>A deployment file after parsing and validation: the model (when the YAML could be read
/// at all) and every problem found, in file order.</summary>
public sealed class DeploymentDocument(string path, DeploymentFile? file, IReadOnlyList<Diagnostic> diagnostics)
{
    public string Path { get; } = path;

    /// <summary>The bound model; null only when the YAML itself could not be read.</summary>
    public DeploymentFile? File { get; } = file;

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    public bool IsValid => File is not null && !Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
