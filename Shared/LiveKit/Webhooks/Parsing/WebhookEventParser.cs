using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>
/// Turns a verified body into a <see cref="WebhookEvent"/>. Accepts what protobuf JSON readers accept:
/// camelCase or snake_case names, int64 as string or number, enums as name or number. Unknown
/// fields and unknown events are kept in the raw JSON, never an error.
/// </summary>
internal static class WebhookEventParser
{
    public static WebhookReceiveResult Parse(ReadOnlySpan<byte> body)
    {
        var copy = body.ToArray();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(copy);
        }
        catch (JsonException)
        {
            return WebhookReceiveResult.Failure(WebhookError.NotJson, "the body is not valid JSON");
        }

        using (document)
        {
            try
            {
                return WebhookReceiveResult.Success(ReadEvent(document.RootElement, copy));
            }
            catch (WebhookShapeException shape)
            {
                return WebhookReceiveResult.Failure(WebhookError.WrongShape, "the body is not a webhook event: " + shape.Message);
            }
        }
    }

    private static WebhookEvent ReadEvent(JsonElement root, byte[] raw)
    {
        JsonField.RequireObject(root, "$");
        string? name = null, id = null;
        DateTimeOffset? createdAt = null;
        RoomInfo? room = null;
        ParticipantInfo? participant = null;
        TrackInfo? track = null;
        EgressInfo? egress = null;
        IngressInfo? ingress = null;
        int? numDropped = null;

        foreach (var field in root.EnumerateObject())
        {
            var value = field.Value;
            switch (field.Name)
            {
                case "event": name = JsonField.String(value, "", "event"); break;
                case "id": id = JsonField.String(value, "", "id"); break;
                case "createdAt" or "created_at": createdAt = JsonField.UnixSeconds(value, "", "createdAt"); break;
                case "room": room = JsonField.IsNull(value) ? null : RoomParser.Read(value, "room"); break;
                case "participant": participant = JsonField.IsNull(value) ? null : ParticipantParser.Read(value, "participant"); break;
                case "track": track = JsonField.IsNull(value) ? null : TrackParser.Read(value, "track"); break;
                case "egressInfo" or "egress_info": egress = JsonField.IsNull(value) ? null : EgressParser.Read(value, "egressInfo"); break;
                case "ingressInfo" or "ingress_info": ingress = JsonField.IsNull(value) ? null : IngressParser.Read(value, "ingressInfo"); break;
                case "numDropped" or "num_dropped": numDropped = JsonField.Int32(value, "", "numDropped"); break;
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new WebhookShapeException("event", "a non-empty event name");
        }
        return new WebhookEvent
        {
            Event = name,
            Id = id,
            CreatedAt = createdAt,
            Room = room,
            Participant = participant,
            Track = track,
            EgressInfo = egress,
            IngressInfo = ingress,
            NumDropped = numDropped,
            RawJson = raw,
        };
    }
}
