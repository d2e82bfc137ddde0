using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>The control plane's id of a call the MediaHost answered directly: "call-" + the SIP Call-ID, made safe as an instance id and table key.</summary>
public static class ControlPlaneCallIds
{
    public static string For(string sipCallId) => CallIds.FromRoomName("call-" + sipCallId);
}
