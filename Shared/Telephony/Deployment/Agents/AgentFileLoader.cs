using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using VoiceFunctions.Shared.Telephony.Deployment.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>
/// Reads only the agents section of voice.yaml, with the same binder and checks as voicectl sip validate, so the
/// MediaHost refuses exactly what validate reports. The rest of the file (trunks, LiveKit credentials) is not the
/// MediaHost's and is not read: a MediaHost without LiveKit variables still loads its agents.
/// </summary>
public static class AgentFileLoader
{
    public const string SectionKey = "agents";

    public static AgentFileResult Load(string text, Func<string, string?> environment)
    {
        var diagnostics = new List<Diagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.YamlSyntax,
                new SourcePosition((int)e.Start.Line, (int)e.Start.Column), "YAML syntax: " + (e.InnerException?.Message ?? e.Message)));
            return new AgentFileResult(null, diagnostics);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.WrongType, new SourcePosition(1, 1), "the file is not a YAML mapping"));
            return new AgentFileResult(null, diagnostics);
        }
        if (!root.Children.TryGetValue(new YamlScalarNode(SectionKey), out var node))
        {
            return new AgentFileResult(AgentCatalog.HostDefaults, diagnostics);
        }

        var section = new ModelBinder(new EnvironmentExpander(environment), diagnostics).BindRoot<AgentsSection>(node);
        AgentChecks.Run(new ValidationContext(new DeploymentFile { Agents = section }, environment, diagnostics));
        var ordered = diagnostics.Distinct().OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ToArray();
        return new AgentFileResult(ordered.Any(d => d.IsError) ? null : AgentCatalogBuilder.Build(section), ordered);
    }
}

/// <summary>The agents of a file, or null with the errors that refused it.</summary>
public sealed record AgentFileResult(AgentCatalog? Catalog, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
