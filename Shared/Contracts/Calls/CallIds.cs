using System.Security.Cryptography;
using System.Text;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// The call id is derived from the LiveKit room name, so every webhook of a room finds the same
/// orchestration instance and call record without a lookup. Room names are kept readable; characters
/// an orchestration instance id or table key may not hold are replaced, and over-long names are cut
/// and suffixed with a hash so two rooms never share an id.
/// </summary>
public static class CallIds
{
    public const int MaxLength = 96;

    public static string FromRoomName(string roomName)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomName);
        var sb = new StringBuilder(roomName.Length);
        var changed = false;
        foreach (var c in roomName)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' or '%' or '@' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                sb.Append('_');
                changed = true;
            }
            else
            {
                sb.Append(c);
            }
        }
        if (!changed && sb.Length <= MaxLength)
        {
            return sb.ToString();
        }
        // Replacing characters could map two names onto one id: a hash of the original keeps them apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(roomName)))[..12];
        var head = sb.Length > MaxLength - 13 ? sb.ToString(0, MaxLength - 13) : sb.ToString();
        return head + "~" + hash;
    }
}
