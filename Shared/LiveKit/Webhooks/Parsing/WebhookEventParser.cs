using System.Text.Json;
using System.Text.Unicode;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>
/// Turns a verified body into a <see cref="WebhookEvent"/> in one forward pass over the bytes.
/// Accepts what protobuf JSON readers accept: camelCase or snake_case names, int64 as string or
/// number, enums as name or number. Unknown fields and unknown events are kept in the raw JSON.
/// </summary>
internal static class WebhookEventParser
{
    private enum Field { Unknown, Event, Id, CreatedAt, Room, Participant, Track, EgressInfo, IngressInfo, NumDropped }

    public static WebhookReceiveResult Parse(ReadOnlySpan<byte> body)
    {
        // JSON is UTF-8; checking it once here means no string read later can fail on a bad byte.
        if (!Utf8.IsValid(body))
        {
            return WebhookReceiveResult.Failure(WebhookError.NotJson, "the body is not valid UTF-8");
        }
        var raw = body.ToArray();
        try
        {
            var reader = new Utf8JsonReader(raw);
            var webhookEvent = ReadEvent(ref reader, raw);
            if (reader.Read())
            {
                // Unreachable for valid input: the reader throws on anything after the root value.
                return WebhookReceiveResult.Failure(WebhookError.NotJson, "the body has content after its JSON value");
            }
            return WebhookReceiveResult.Success(webhookEvent);
        }
        catch (JsonException)
        {
            return WebhookReceiveResult.Failure(WebhookError.NotJson, "the body is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // The reader's own verdict on a string escape that is not valid Unicode (a lone surrogate).
            return WebhookReceiveResult.Failure(WebhookError.NotJson, "the body has a string that is not valid Unicode");
        }
        catch (WebhookShapeException shape)
        {
            // A shape problem found part-way is only the answer if the whole body is JSON at all.
            return IsJson(raw)
                ? WebhookReceiveResult.Failure(WebhookError.WrongShape, "the body is not a webhook event: " + shape.Message)
                : WebhookReceiveResult.Failure(WebhookError.NotJson, "the body is not valid JSON");
        }
    }

    private static WebhookEvent ReadEvent(ref Utf8JsonReader reader, byte[] raw)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new WebhookShapeException("$", "an object");
        }
        string? name = null, id = null;
        DateTimeOffset? createdAt = null;
        RoomInfo? room = null;
        ParticipantInfo? participant = null;
        TrackInfo? track = null;
        EgressInfo? egress = null;
        IngressInfo? ingress = null;
        int? numDropped = null;

        Span<char> nameBuffer = stackalloc char[JsonPropertyName.MaxLength];
        while (JsonField.NextProperty(ref reader))
        {
            var field = Match(nameBuffer[..JsonPropertyName.Read(ref reader, nameBuffer)]);
            if (field == Field.Unknown)
            {
                reader.Skip();
                continue;
            }
            reader.Read();
            switch (field)
            {
                case Field.Event: name = JsonField.String(ref reader, "", "event"); break;
                case Field.Id: id = JsonField.String(ref reader, "", "id"); break;
                case Field.CreatedAt: createdAt = JsonField.UnixSeconds(ref reader, "", "createdAt"); break;
                case Field.Room: room = RoomParser.Read(ref reader, "", "room"); break;
                case Field.Participant: participant = ParticipantParser.Read(ref reader, "", "participant"); break;
                case Field.Track: track = TrackParser.Read(ref reader, "", "track"); break;
                case Field.EgressInfo: egress = EgressParser.Read(ref reader, "", "egressInfo"); break;
                case Field.IngressInfo: ingress = IngressParser.Read(ref reader, "", "ingressInfo"); break;
                case Field.NumDropped: numDropped = JsonField.Int32(ref reader, "", "numDropped"); break;
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

    private static Field Match(ReadOnlySpan<char> name) => name switch
    {
        "event" => Field.Event,
        "id" => Field.Id,
        "createdAt" or "created_at" => Field.CreatedAt,
        "room" => Field.Room,
        "participant" => Field.Participant,
        "track" => Field.Track,
        "egressInfo" or "egress_info" => Field.EgressInfo,
        "ingressInfo" or "ingress_info" => Field.IngressInfo,
        "numDropped" or "num_dropped" => Field.NumDropped,
        _ => Field.Unknown,
    };

    private static bool IsJson(byte[] raw)
    {
        try
        {
            var reader = new Utf8JsonReader(raw);
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
