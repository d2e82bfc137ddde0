using System.Text.Json;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Reads what the control plane did with a call event from the body of its 200 answer: the AgentEvents function answers
/// <c>{"status":"…","eventId":"…","callId":"…"}</c> (Functions' WebhookAnswer, the status a CallDelivery name or
/// "duplicate"). Only the top-level <c>status</c> string is read. Pure: bytes in, a status (or null) out.
/// </summary>
public static class ControlPlaneEventAnswer
{
    /// <summary>The status of an event about a call whose record or orchestration the control plane has already finished.</summary>
    public const string CallAlreadyFinished = "CallAlreadyFinished";

    /// <summary>The longest answer body read; the control plane's is under 200 bytes, anything longer is not its answer.</summary>
    public const int MaxBytes = 4096;

    /// <summary>The answer's <c>status</c>, or null when the body is empty, too long, not JSON or has no string status.</summary>
    public static string? StatusOf(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || body.Length > MaxBytes)
        {
            return null;
        }
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStatus = reader.ValueTextEquals("status"u8);
                if (!reader.Read())
                {
                    return null;
                }
                if (isStatus)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
