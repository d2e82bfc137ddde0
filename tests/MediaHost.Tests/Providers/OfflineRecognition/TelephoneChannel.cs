using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

/// <summary>The phone line a caller's speech crosses before the recogniser hears it, with the project's own codecs.</summary>
public enum PhoneCodec { Pcmu, G722 }

/// <summary>
/// Passes 16 kHz speech through a codec the way a call does: the outbound path resamples to the codec's rate and
/// encodes 20 ms packets, the inbound path decodes them and resamples back to the audio loop's 16 kHz.
/// </summary>
public static class TelephoneChannel
{
    /// <summary>The codec's audio rate, as a call tells the recogniser its line (RecognitionRequest.LineRate).</summary>
    public static int LineRate(PhoneCodec codec) => codec == PhoneCodec.Pcmu ? 8_000 : 16_000;

    public static short[] Transmit(ReadOnlySpan<short> speech16k, PhoneCodec codec)
    {
        IAudioCodec encoder = codec == PhoneCodec.Pcmu ? G711Codec.CreateMuLaw() : new G722Codec();
        IAudioCodec decoder = codec == PhoneCodec.Pcmu ? G711Codec.CreateMuLaw() : new G722Codec();
        var rate = encoder.Info.SampleRate;
        var down = rate == 16_000 ? null : new Resampler(16_000, rate);
        var up = rate == 16_000 ? null : new Resampler(rate, 16_000);
        var output = new List<short>(speech16k.Length + 640);
        Span<short> atRate = stackalloc short[1024];
        Span<byte> payload = stackalloc byte[1024];
        Span<short> decoded = stackalloc short[1024];
        Span<short> back = stackalloc short[2048];
        for (var offset = 0; offset < speech16k.Length; offset += 320)
        {
            var frame = speech16k.Slice(offset, Math.Min(320, speech16k.Length - offset));
            var samples = down is null ? Copy(frame, atRate) : down.Process(frame, atRate);
            var bytes = encoder.Encode(atRate[..samples], payload);
            var count = decoder.Decode(payload[..bytes], decoded);
            var restored = up is null ? Copy(decoded[..count], back) : up.Process(decoded[..count], back);
            output.AddRange(back[..restored]);
        }
        return [.. output];
    }

    private static int Copy(ReadOnlySpan<short> from, Span<short> to)
    {
        from.CopyTo(to);
        return from.Length;
    }
}
