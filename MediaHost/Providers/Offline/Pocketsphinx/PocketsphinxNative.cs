using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// The slice of libpocketsphinx (Debian <c>libpocketsphinx3</c>, the 5prealpha API of 0.8) and libsphinxbase the
/// streaming decoder uses. Strings cross as UTF-8; the library keeps no pointer to the strings passed in.
/// </summary>
internal static partial class PocketsphinxNative
{
    private const string Pocketsphinx = "libpocketsphinx.so.3";
    private const string Sphinxbase = "libsphinxbase.so.3";

    /// <summary>The argument definitions of the decoder (static data owned by the library).</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_args")]
    internal static partial IntPtr Args();

    /// <summary>Parses "-name value" pairs into a new configuration (NULL on a bad argument).</summary>
    [LibraryImport(Sphinxbase, EntryPoint = "cmd_ln_parse_r", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr ParseConfig(IntPtr existing, IntPtr definitions, int argc, string[] argv, int strict);

    [LibraryImport(Sphinxbase, EntryPoint = "cmd_ln_free_r")]
    internal static partial int FreeConfig(IntPtr config);

    /// <summary>Silences (NULL) or redirects the library's log output, which otherwise goes to stderr.</summary>
    [LibraryImport(Sphinxbase, EntryPoint = "err_set_logfp")]
    internal static partial void SetLogFile(IntPtr file);

    /// <summary>Loads the acoustic model and dictionary; retains the configuration. NULL on failure.</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_init")]
    internal static partial IntPtr Init(IntPtr config);

    [LibraryImport(Pocketsphinx, EntryPoint = "ps_free")]
    internal static partial int Free(IntPtr decoder);

    [LibraryImport(Pocketsphinx, EntryPoint = "ps_set_jsgf_string", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetJsgfString(PocketsphinxDecoderHandle decoder, string name, string jsgf);

    /// <summary>Adds an n-gram search named <paramref name="name"/> from an ARPA or binary language-model file.</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_set_lm_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetLanguageModelFile(PocketsphinxDecoderHandle decoder, string name, string path);

    [LibraryImport(Pocketsphinx, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetSearch(PocketsphinxDecoderHandle decoder, string name);

    /// <summary>The phones of a word in the dictionary (a string the decoder owns), or NULL when the word is unknown.</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_lookup_word", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LookupWord(PocketsphinxDecoderHandle decoder, string word);

    /// <summary>Starts a new audio stream: the front-end's noise estimate begins again from the next frame.</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_start_stream")]
    internal static partial int StartStream(PocketsphinxDecoderHandle decoder);

    /// <summary>The decoder's feature module (<c>feat_t</c>, owned by the decoder), which holds its cepstral mean.</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_get_feat")]
    internal static partial IntPtr GetFeatureModule(PocketsphinxDecoderHandle decoder);

    /// <summary>Copies the live cepstral mean of a <c>cmn_t</c> into <paramref name="mean"/> (veclen values).</summary>
    [LibraryImport(Sphinxbase, EntryPoint = "cmn_live_get")]
    internal static unsafe partial void GetLiveMean(IntPtr cmn, float* mean);

    [LibraryImport(Pocketsphinx, EntryPoint = "ps_start_utt")]
    internal static partial int StartUtterance(PocketsphinxDecoderHandle decoder);

    [LibraryImport(Pocketsphinx, EntryPoint = "ps_process_raw")]
    internal static unsafe partial int ProcessRaw(PocketsphinxDecoderHandle decoder, short* samples, nuint count, int noSearch, int fullUtterance);

    /// <summary>The best hypothesis so far (a string the decoder owns until its next call), or NULL.</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_get_hyp")]
    internal static partial IntPtr GetHypothesis(PocketsphinxDecoderHandle decoder, out int bestScore);

    /// <summary>Frames (10 ms) decoded in the current or last utterance.</summary>
    [LibraryImport(Pocketsphinx, EntryPoint = "ps_get_n_frames")]
    internal static partial int GetFrameCount(PocketsphinxDecoderHandle decoder);

    [LibraryImport(Pocketsphinx, EntryPoint = "ps_end_utt")]
    internal static partial int EndUtterance(PocketsphinxDecoderHandle decoder);
}
