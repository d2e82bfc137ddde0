using Microsoft.Win32.SafeHandles;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>Owns one native SpeexEchoState; destroyed exactly once, even if the call's session is never disposed.</summary>
internal sealed class SpeexEchoStateHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpeexEchoStateHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SpeexDspNative.EchoStateDestroy(handle);
        return true;
    }
}
