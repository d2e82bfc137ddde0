using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Providers.Deepgram;

/// <summary>
/// Maps Deepgram's segments onto the recognition contract. An interim shows the utterance so far (finalised segments
/// plus the current guess); an is_final segment is a final of its own (Deepgram's is_final ends a segment, not the
/// turn). Empty segments yield nothing. Pure: no I/O.
/// </summary>
public sealed class DeepgramTranscript
{
    /// <summary>Deepgram gives no stability figure; the contract's "unknown" value.</summary>
    public const float InterimStability = 0.5f;

    private string _committed = "";

    public RecognitionResult? Map(in DeepgramMessage message)
    {
        if (message.Type != DeepgramMessageType.Results)
        {
            return null;
        }
        var text = message.Transcript.Trim();
        if (message.IsFinal)
        {
            if (text.Length == 0)
            {
                return null;
            }
            _committed = _committed.Length == 0 ? text : _committed + " " + text;
            return RecognitionResult.Final(text, message.Confidence);
        }
        if (text.Length == 0)
        {
            return null;
        }
        return RecognitionResult.Interim(_committed.Length == 0 ? text : _committed + " " + text, InterimStability);
    }
}
