using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using VoiceFunctions.Shared.Telephony.Deployment.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoiceFunctions.Shared.Telephony.Deployment;

/// <summary>Reads voice.yaml: YAML → model (with positions, ${VAR} expansion) → validation.</summary>
public static class DeploymentFileLoader
{
    public static DeploymentDocument LoadFile(string path, Func<string, string?> environment) =>
        Load(File.ReadAllText(path), path, environment);

    public static DeploymentDocument Load(string text, string path, Func<string, string?> environment)
    {
        var diagnostics = new List<Diagnostic>();
        var file = Parse(text, environment, diagnostics);
        if (file is not null)
        {
            DeploymentValidator.Validate(file, environment, diagnostics);
        }
        var ordered = diagnostics
            .Distinct()
            .OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
        return new DeploymentDocument(path, file, ordered);
    }

    private static DeploymentFile? Parse(string text, Func<string, string?> environment, List<Diagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.YamlSyntax,
                new SourcePosition((int)e.Start.Line, (int)e.Start.Column), "YAML syntax: " + YamlMessage(e)));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MissingKey, new SourcePosition(1, 1),
                "the file is empty", "Start from docs/voice.sample.yaml."));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.YamlSyntax,
                ModelBinder.At(stream.Documents[1].RootNode), "the file holds more than one YAML document; voice.yaml is one document"));
        }

        var binder = new ModelBinder(new EnvironmentExpander(environment), diagnostics);
        return binder.BindRoot<DeploymentFile>(stream.Documents[0].RootNode);
    }

    private static string YamlMessage(YamlException e)
    {
        // YamlDotNet prefixes its messages with the position, which the diagnostic already carries.
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
}
