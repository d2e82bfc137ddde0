using System.Text;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>DTMF carried in SIP INFO bodies: application/dtmf-relay ("Signal=5\r\nDuration=160") and application/dtmf ("5").</summary>
public static class DtmfInfoParser
{
    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out DtmfDigit digit)
    {
        digit = default;
        var type = SipContentTypes.MediaType(contentType);
        var text = Encoding.ASCII.GetString(body);
        char? signal = null;
        var duration = TimeSpan.FromMilliseconds(160);
        if (type == "application/dtmf-relay")
        {
            foreach (var line in text.Split('\n'))
            {
                var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2)
                {
                    continue;
                }
                if (parts[0].Equals("Signal", StringComparison.OrdinalIgnoreCase) && parts[1].Length == 1)
                {
                    signal = parts[1][0];
                }
                else if (parts[0].Equals("Duration", StringComparison.OrdinalIgnoreCase) && int.TryParse(parts[1], out var ms) && ms is > 0 and < 60_000)
                {
                    duration = TimeSpan.FromMilliseconds(ms);
                }
            }
        }
        else if (type == "application/dtmf" && text.Trim().Length == 1)
        {
            signal = text.Trim()[0];
        }
        if (signal is not { } c || !IsDigit(char.ToUpperInvariant(c)))
        {
            return false;
        }
        digit = new DtmfDigit(char.ToUpperInvariant(c), duration);
        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or '*' or '#' or >= 'A' and <= 'D';
}
