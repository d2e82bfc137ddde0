using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>Owns one <c>ps_decoder_t</c>; released with <c>ps_free</c>.</summary>
internal sealed class PocketsphinxDecoderHandle : SafeHandle
{
    public PocketsphinxDecoderHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static PocketsphinxDecoderHandle FromPointer(IntPtr decoder)
    {
        var owned = new PocketsphinxDecoderHandle();
        owned.SetHandle(decoder);
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        PocketsphinxNative.Free(handle);
        return true;
    }
}
