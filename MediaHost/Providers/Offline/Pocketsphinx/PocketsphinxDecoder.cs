using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// One long-lived pocketsphinx decoder (acoustic model, dictionary and the dialog's grammar loaded once) that
/// decodes one utterance at a time. Not thread-safe: the pool hands it to one stream at a time.
/// </summary>
internal sealed class PocketsphinxDecoder : IDisposable
{
    private const string SearchName = "dialog";
    private readonly PocketsphinxDecoderHandle _handle;
    private bool _inUtterance;

    private PocketsphinxDecoder(PocketsphinxDecoderHandle handle) => _handle = handle;

    /// <summary>The best hypothesis read last (interims are published only when it changes).</summary>
    public string LastHypothesis { get; private set; } = "";

    /// <summary>Loads a decoder with the given arguments ("-hmm DIR -dict FILE ...") and the grammar.</summary>
    public static PocketsphinxDecoder Create(IReadOnlyList<string> arguments, Func<Func<string, bool>, string> grammar)
    {
        string[] argv = [.. arguments];
        var config = PocketsphinxNative.ParseConfig(IntPtr.Zero, PocketsphinxNative.Args(), argv.Length, argv, 1);
        if (config == IntPtr.Zero)
        {
            throw new ProviderException("pocketsphinx", $"rejected its arguments: {string.Join(' ', arguments)}", isTransient: false);
        }
        IntPtr decoder;
        try
        {
            decoder = PocketsphinxNative.Init(config);
        }
        finally
        {
            // ps_init retains the configuration it keeps; ours is released either way.
            PocketsphinxNative.FreeConfig(config);
        }
        if (decoder == IntPtr.Zero)
        {
            throw new ProviderException("pocketsphinx", "could not load its model (check -hmm and -dict; the Debian package is pocketsphinx-en-us)", isTransient: false);
        }
        var created = new PocketsphinxDecoder(PocketsphinxDecoderHandle.FromPointer(decoder));
        try
        {
            var jsgf = grammar(created.Knows);
            if (PocketsphinxNative.SetJsgfString(created._handle, SearchName, jsgf) != 0 || PocketsphinxNative.SetSearch(created._handle, SearchName) != 0)
            {
                throw new ProviderException("pocketsphinx", "rejected the dialog grammar", isTransient: false);
            }
        }
        catch
        {
            created.Dispose();
            throw;
        }
        return created;
    }

    /// <summary>Whether the pronunciation dictionary has the word (a grammar may only use known words).</summary>
    public bool Knows(string word) => PocketsphinxNative.LookupWord(_handle, word) != IntPtr.Zero;

    public void StartUtterance()
    {
        if (_inUtterance)
        {
            // A stream abandoned mid-utterance: close it so the next one starts clean.
            PocketsphinxNative.EndUtterance(_handle);
        }
        Check(PocketsphinxNative.StartUtterance(_handle), "ps_start_utt");
        _inUtterance = true;
        LastHypothesis = "";
    }

    public unsafe void Process(ReadOnlySpan<short> samples)
    {
        fixed (short* data = samples)
        {
            if (PocketsphinxNative.ProcessRaw(_handle, data, (nuint)samples.Length, 0, 0) < 0)
            {
                throw new ProviderException("pocketsphinx", "ps_process_raw failed", isTransient: false);
            }
        }
    }

    /// <summary>Reads the best hypothesis so far; true when it changed since the last read.</summary>
    public bool RefreshHypothesis()
    {
        var text = ReadHypothesis();
        if (text == LastHypothesis)
        {
            return false;
        }
        LastHypothesis = text;
        return true;
    }

    /// <summary>Ends the utterance and returns its final hypothesis.</summary>
    public string EndUtterance()
    {
        _inUtterance = false;
        Check(PocketsphinxNative.EndUtterance(_handle), "ps_end_utt");
        LastHypothesis = ReadHypothesis();
        return LastHypothesis;
    }

    public void Dispose() => _handle.Dispose();

    private string ReadHypothesis()
    {
        var text = PocketsphinxNative.GetHypothesis(_handle, out _);
        return text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text)?.Trim() ?? "";
    }

    private static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new ProviderException("pocketsphinx", $"{call} failed ({result})", isTransient: false);
        }
    }
}
