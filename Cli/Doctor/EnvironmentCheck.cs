using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Shared.Telephony.Deployment;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Check 1: the file exists and is valid, and the variables it needs are set.</summary>
public static class EnvironmentCheck
{
    public const string Name = "environment and file";

    public static (DoctorCheck Check, DoctorInputs Inputs) Run(CliContext context, FileInfo? file, TimeSpan timeout)
    {
        if (file is null)
        {
            var fromEnv = LiveKitTarget.FromEnvironment(context.Environment, out var problem);
            var inputs = new DoctorInputs { Target = fromEnv, Timeout = timeout };
            return fromEnv is null
                ? (DoctorCheck.Fail(Name, "no deployment file given and " + problem, "doctor needs to know the LiveKit server and its credentials.",
                    "Run voicectl doctor voice.yaml, or set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET."), inputs)
                : (DoctorCheck.Warn(Name, $"no deployment file: checking {fromEnv.Url} from LIVEKIT_* variables only",
                    "Without voice.yaml, drift, routing, webhook and MediaHost checks cannot run.", "Run voicectl doctor voice.yaml."), inputs);
        }
        if (!file.Exists)
        {
            return (DoctorCheck.Fail(Name, $"{file.FullName} does not exist", "The path is wrong.", "Give the path of voice.yaml."), new DoctorInputs { Timeout = timeout });
        }

        var document = DeploymentFileLoader.LoadFile(file.FullName, context.Environment);
        if (document.File?.LiveKit is null || !document.IsValid && document.File is null)
        {
            return (DoctorCheck.Fail(Name, $"{file.Name}: {document.ErrorCount} errors, no usable livekit section",
                "The file cannot be read.", $"voicectl sip validate {file.Name} lists every problem."), new DoctorInputs { Document = document, Timeout = timeout });
        }
        IReadOnlyList<string> unset = [];
        SipState? desired = null;
        if (document.IsValid)
        {
            desired = DesiredStateBuilder.Build(document.File, context.Environment, out unset);
        }
        var target = LiveKitTarget.FromFile(document.File, context.Environment, out var targetProblem);
        var result = new DoctorInputs { Document = document, Desired = desired, Target = target, Timeout = timeout };

        if (target is null)
        {
            return (DoctorCheck.Fail(Name, targetProblem!, "The variables voice.yaml refers to are not set in this shell.", "Export them (or load your .env) and run doctor again."), result);
        }
        if (!document.IsValid)
        {
            return (DoctorCheck.Fail(Name, $"{file.Name}: {document.ErrorCount} errors, {document.WarningCount} warnings",
                "The file is invalid; LiveKit checks still run, file-based ones are skipped.", $"voicectl sip validate {file.Name} lists every problem."), result);
        }
        if (unset.Count > 0)
        {
            return (DoctorCheck.Fail(Name, "credential variables not set: " + string.Join(", ", unset),
                "Trunk credentials voice.yaml refers to are not set here, so drift cannot be judged.", "Export them and run doctor again."), result);
        }
        return (DoctorCheck.Pass(Name, $"{file.Name} is valid (warnings: {document.WarningCount}); LiveKit {target.Url}, key {target.ApiKey}"), result);
    }
}
