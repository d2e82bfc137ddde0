using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>
/// The checks that need the whole bound file (the binder already reported syntax, keys and types).
/// Every check runs, whatever earlier ones found, so one run lists every problem.
/// </summary>
public static class DeploymentValidator
{
    public static void Validate(DeploymentFile file, Func<string, string?> environment, List<Diagnostic> diagnostics)
    {
        var context = new ValidationContext(file, environment, diagnostics);
        NumberChecks.Run(context);
        AddressChecks.Run(context);
        SecurityChecks.Run(context);
        CodecChecks.Run(context);
        NameChecks.Run(context);
        DispatchChecks.Run(context);
        InboundRoutingChecks.Run(context);
        AgentChecks.Run(context);
    }
}
