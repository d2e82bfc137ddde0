namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>
/// Which fields of which LiveKit message the webhook parser reads, by the message's full proto name.
/// The conformance test compares it with LiveKit's own definition of WebhookEvent and what it carries.
/// </summary>
internal static class WebhookFieldCatalog
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> ByMessage { get; } = new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["livekit.WebhookEvent"] = WebhookEventParser.Fields.FieldNames.ToArray(),
        ["livekit.Room"] = RoomParser.Fields.FieldNames.ToArray(),
        ["livekit.ParticipantInfo"] = ParticipantParser.Fields.FieldNames.ToArray(),
        ["livekit.TrackInfo"] = TrackParser.Fields.FieldNames.ToArray(),
        ["livekit.EgressInfo"] = EgressParser.Fields.FieldNames.ToArray(),
        ["livekit.IngressInfo"] = IngressParser.Fields.FieldNames.ToArray(),
        ["livekit.FileInfo"] = FileResultParser.Fields.FieldNames.ToArray(),
        ["livekit.IngressState"] = IngressParser.StateFields.FieldNames.ToArray(),
    };
}
