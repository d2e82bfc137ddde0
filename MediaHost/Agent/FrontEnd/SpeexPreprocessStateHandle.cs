using Microsoft.Win32.SafeHandles;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Owns one native SpeexPreprocessState. Destroying it frees only its own memory (it never touches the echo state it
/// was linked to), so the two handles may be released in either order.
/// </summary>
internal sealed class SpeexPreprocessStateHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpeexPreprocessStateHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SpeexDspNative.PreprocessStateDestroy(handle);
        return true;
    }
}
