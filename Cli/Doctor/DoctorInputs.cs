using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Shared.Telephony.Deployment;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>What the checks work from: the file (when given and readable), the desired state and the server.</summary>
public sealed class DoctorInputs
{
    public DeploymentDocument? Document { get; init; }

    public SipState? Desired { get; init; }

    public LiveKitTarget? Target { get; init; }

    public required TimeSpan Timeout { get; init; }
}
