using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// The parts of speexdsp (Debian <c>libspeexdsp1</c>) the front-end uses: the MDF echo canceller and the preprocessor
/// (denoise, AGC, residual echo suppression, VAD). Request numbers are those of speex_echo.h / speex_preprocess.h 1.2.
/// </summary>
internal static unsafe partial class SpeexDspNative
{
    /// <summary>The SONAME of Debian's package; the unversioned name exists only with the -dev package.</summary>
    public const string Library = "libspeexdsp.so.1";

    public const int EchoSetSamplingRate = 24;

    public const int PreprocessSetDenoise = 0;
    public const int PreprocessSetAgc = 2;
    public const int PreprocessSetAgcLevel = 6;
    public const int PreprocessSetNoiseSuppress = 18;
    public const int PreprocessSetEchoSuppress = 20;
    public const int PreprocessSetEchoSuppressActive = 22;
    public const int PreprocessSetEchoState = 24;
    public const int PreprocessSetAgcMaxGain = 30;
    public const int PreprocessGetProb = 45;

    [LibraryImport(Library, EntryPoint = "speex_echo_state_init")]
    public static partial SpeexEchoStateHandle EchoStateInit(int frameSize, int filterLength);

    [LibraryImport(Library, EntryPoint = "speex_echo_state_destroy")]
    public static partial void EchoStateDestroy(nint state);

    [LibraryImport(Library, EntryPoint = "speex_echo_state_reset")]
    public static partial void EchoStateReset(SpeexEchoStateHandle state);

    [LibraryImport(Library, EntryPoint = "speex_echo_cancellation")]
    public static partial void EchoCancellation(SpeexEchoStateHandle state, short* recorded, short* played, short* output);

    [LibraryImport(Library, EntryPoint = "speex_echo_ctl")]
    public static partial int EchoCtl(SpeexEchoStateHandle state, int request, void* value);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_state_init")]
    public static partial SpeexPreprocessStateHandle PreprocessStateInit(int frameSize, int samplingRate);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_state_destroy")]
    public static partial void PreprocessStateDestroy(nint state);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_run")]
    public static partial int PreprocessRun(SpeexPreprocessStateHandle state, short* frame);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_ctl")]
    public static partial int PreprocessCtl(SpeexPreprocessStateHandle state, int request, void* value);

    /// <summary>Sets an int-valued preprocessor parameter; speexdsp returns -1 for a request it does not know.</summary>
    public static void PreprocessSet(SpeexPreprocessStateHandle state, int request, int value)
    {
        if (PreprocessCtl(state, request, &value) != 0)
        {
            throw new InvalidOperationException($"speexdsp refused preprocessor request {request} = {value}");
        }
    }

    /// <summary>Sets a float-valued preprocessor parameter (the AGC level is a float in the floating-point build).</summary>
    public static void PreprocessSet(SpeexPreprocessStateHandle state, int request, float value)
    {
        if (PreprocessCtl(state, request, &value) != 0)
        {
            throw new InvalidOperationException($"speexdsp refused preprocessor request {request} = {value}");
        }
    }

    /// <summary>True when the library can be loaded (the start-up check and the DI registration ask before any call).</summary>
    public static bool IsAvailable(out string? reason)
    {
        if (NativeLibrary.TryLoad(Library, typeof(SpeexDspNative).Assembly, null, out var handle))
        {
            NativeLibrary.Free(handle);
            reason = null;
            return true;
        }
        reason = $"{Library} could not be loaded (install Debian package libspeexdsp1)";
        return false;
    }
}
