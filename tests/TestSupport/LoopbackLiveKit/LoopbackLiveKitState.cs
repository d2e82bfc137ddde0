using System.Text.Json;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api.Json;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// The in-memory world of the loopback LiveKit API test server: rooms and their participants, SIP trunks
/// and dispatch rules, egresses, ingresses and agent dispatches, plus what was sent (data, dials, transfers).
/// Tests may seed it directly (<see cref="AddRoom"/>, <see cref="AddParticipant"/>); every read returns copies.
/// </summary>
public sealed class LoopbackLiveKitState(TimeProvider timeProvider)
{
    internal readonly object Lock = new();
    internal readonly Dictionary<string, Room> Rooms = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, Dictionary<string, ParticipantInfo>> Participants = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, SipInboundTrunkInfo> InboundTrunks = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, SipOutboundTrunkInfo> OutboundTrunks = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, SipDispatchRuleInfo> DispatchRules = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, EgressInfo> Egresses = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, IngressInfo> Ingresses = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, AgentDispatch> AgentDispatches = new(StringComparer.Ordinal);
    internal readonly List<SendDataRequest> DataSent = [];
    internal readonly List<CreateSipParticipantRequest> DialsMade = [];
    internal readonly List<TransferSipParticipantRequest> TransfersMade = [];

    internal TimeProvider Time { get; } = timeProvider;

    /// <summary>Creates a room (or returns the existing one), as if a client had joined it.</summary>
    public Room AddRoom(string name, string metadata = "")
    {
        lock (Lock)
        {
            return Copy(GetOrCreateRoom(name, metadata));
        }
    }

    /// <summary>
    /// Puts a participant in a room (creating the room), with one published microphone track, as if it
    /// had connected. SIP participants get kind SIP; pass their sip.* attributes.
    /// </summary>
    public ParticipantInfo AddParticipant(string room, string identity, ParticipantKind kind = ParticipantKind.Standard, IReadOnlyDictionary<string, string>? attributes = null, string name = "", string metadata = "")
    {
        lock (Lock)
        {
            GetOrCreateRoom(room, "");
            var now = Time.GetUtcNow();
            var participant = new ParticipantInfo
            {
                Sid = NewId("PA_"),
                Identity = identity,
                Name = name,
                Metadata = metadata,
                State = ParticipantState.Active,
                Kind = kind,
                JoinedAt = now.ToUnixTimeSeconds(),
                JoinedAtMs = now.ToUnixTimeMilliseconds(),
                Attributes = attributes is null ? [] : new Dictionary<string, string>(attributes),
                IsPublisher = true,
                Permission = new ParticipantPermission { CanPublish = true, CanSubscribe = true, CanPublishData = true },
                Tracks = [new TrackInfo { Sid = NewId("TR_"), Type = TrackType.Audio, Source = TrackSource.Microphone, Name = "microphone", MimeType = "audio/opus" }],
            };
            Participants[room][identity] = participant;
            RefreshCounts(room);
            return Copy(participant);
        }
    }

    public IReadOnlyList<Room> GetRooms() { lock (Lock) { return Rooms.Values.Select(Copy).ToList(); } }

    public IReadOnlyList<ParticipantInfo> GetParticipants(string room)
    {
        lock (Lock)
        {
            return Participants.TryGetValue(room, out var people) ? people.Values.Select(Copy).ToList() : [];
        }
    }

    public IReadOnlyList<SipInboundTrunkInfo> GetInboundTrunks() { lock (Lock) { return InboundTrunks.Values.Select(Copy).ToList(); } }

    public IReadOnlyList<SipOutboundTrunkInfo> GetOutboundTrunks() { lock (Lock) { return OutboundTrunks.Values.Select(Copy).ToList(); } }

    public IReadOnlyList<SipDispatchRuleInfo> GetDispatchRules() { lock (Lock) { return DispatchRules.Values.Select(Copy).ToList(); } }

    public IReadOnlyList<EgressInfo> GetEgresses() { lock (Lock) { return Egresses.Values.Select(Copy).ToList(); } }

    public IReadOnlyList<IngressInfo> GetIngresses() { lock (Lock) { return Ingresses.Values.Select(Copy).ToList(); } }

    public IReadOnlyList<AgentDispatch> GetAgentDispatches() { lock (Lock) { return AgentDispatches.Values.Select(Copy).ToList(); } }

    /// <summary>Every SendData payload, in order.</summary>
    public IReadOnlyList<SendDataRequest> GetDataSent() { lock (Lock) { return DataSent.Select(Copy).ToList(); } }

    /// <summary>Every accepted CreateSIPParticipant request, in order.</summary>
    public IReadOnlyList<CreateSipParticipantRequest> GetDials() { lock (Lock) { return DialsMade.Select(Copy).ToList(); } }

    /// <summary>Every accepted TransferSIPParticipant request, in order.</summary>
    public IReadOnlyList<TransferSipParticipantRequest> GetTransfers() { lock (Lock) { return TransfersMade.Select(Copy).ToList(); } }

    internal Room GetOrCreateRoom(string name, string metadata)
    {
        if (!Rooms.TryGetValue(name, out var room))
        {
            var now = Time.GetUtcNow();
            room = new Room
            {
                Sid = NewId("RM_"),
                Name = name,
                Metadata = metadata,
                EmptyTimeout = 300,
                DepartureTimeout = 20,
                CreationTime = now.ToUnixTimeSeconds(),
                CreationTimeMs = now.ToUnixTimeMilliseconds(),
            };
            Rooms[name] = room;
            Participants[name] = new Dictionary<string, ParticipantInfo>(StringComparer.Ordinal);
        }
        return room;
    }

    internal void RefreshCounts(string room)
    {
        if (Rooms.TryGetValue(room, out var info) && Participants.TryGetValue(room, out var people))
        {
            info.NumParticipants = (uint)people.Count;
            info.NumPublishers = (uint)people.Values.Count(p => p.IsPublisher);
        }
    }

    internal long NowNanoseconds() => (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>LiveKit-style id: prefix + 12 random letters and digits.</summary>
    public static string NewId(string prefix)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return prefix + string.Create(12, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
            }
        });
    }

    /// <summary>A deep copy through the wire format, so callers never share objects with the server.</summary>
    internal static T Copy<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, LiveKitJson.Server), LiveKitJson.Server)!;
}
