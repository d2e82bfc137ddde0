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
    internal static readonly JsonObjectReader<WebhookEventFields> Fields = new JsonObjectReader<WebhookEventFields>()
        .Field("event", (ref reader, path, field, e) => e.Name = JsonField.String(ref reader, path, field))
        .Field("id", (ref reader, path, field, e) => e.Id = JsonField.String(ref reader, path, field))
        .Field("createdAt", (ref reader, path, field, e) => e.CreatedAt = JsonField.UnixSeconds(ref reader, path, field))
        .Field("room", (ref reader, path, field, e) => e.Room = RoomParser.Read(ref reader, path, field))
        .Field("participant", (ref reader, path, field, e) => e.Participant = ParticipantParser.Read(ref reader, path, field))
        .Field("track", (ref reader, path, field, e) => e.Track = TrackParser.Read(ref reader, path, field))
        .Field("egressInfo", (ref reader, path, field, e) => e.Egress = EgressParser.Read(ref reader, path, field))
        .Field("ingressInfo", (ref reader, path, field, e) => e.Ingress = IngressParser.Read(ref reader, path, field))
        .Field("numDropped", (ref reader, path, field, e) => e.NumDropped = JsonField.Int32(ref reader, path, field));

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
        var fields = new WebhookEventFields();
        Fields.ReadProperties(ref reader, "", fields);

        if (string.IsNullOrEmpty(fields.Name))
        {
            throw new WebhookShapeException("event", "a non-empty event name");
        }
        return new WebhookEvent
        {
            Event = fields.Name,
            Id = fields.Id,
            CreatedAt = fields.CreatedAt,
            Room = fields.Room,
            Participant = fields.Participant,
            Track = fields.Track,
            EgressInfo = fields.Egress,
            IngressInfo = fields.Ingress,
            NumDropped = fields.NumDropped,
            RawJson = raw,
        };
    }

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
