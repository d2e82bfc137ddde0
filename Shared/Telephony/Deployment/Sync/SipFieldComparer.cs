using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>The fields voice.yaml manages, compared one by one (lists as sets: LiveKit does not care about order).</summary>
internal static class SipFieldComparer
{
    public static IReadOnlyList<FieldChange> Inbound(SipInboundTrunkInfo now, SipInboundTrunkInfo want)
    {
        var changes = new List<FieldChange>();
        Set(changes, "numbers", now.Numbers, want.Numbers);
        Set(changes, "allowed_addresses", now.AllowedAddresses, want.AllowedAddresses);
        Set(changes, "allowed_numbers", now.AllowedNumbers, want.AllowedNumbers);
        Secret(changes, "auth.username", now.AuthUsername, want.AuthUsername);
        Secret(changes, "auth.password", now.AuthPassword, want.AuthPassword);
        Text(changes, "auth.realm", now.AuthRealm, want.AuthRealm);
        Map(changes, "headers_to_attributes", now.HeadersToAttributes, want.HeadersToAttributes);
        Text(changes, "krisp", Bool(now.KrispEnabled), Bool(want.KrispEnabled));
        Text(changes, "media_encryption", Encryption(now.MediaEncryption), Encryption(want.MediaEncryption));
        Text(changes, "metadata", now.Metadata, want.Metadata);
        return changes;
    }

    public static IReadOnlyList<FieldChange> Outbound(SipOutboundTrunkInfo now, SipOutboundTrunkInfo want)
    {
        var changes = new List<FieldChange>();
        Text(changes, "address", now.Address, want.Address);
        Text(changes, "transport", now.Transport.ToString().ToLowerInvariant(), want.Transport.ToString().ToLowerInvariant());
        Set(changes, "numbers", now.Numbers, want.Numbers);
        Secret(changes, "auth.username", now.AuthUsername, want.AuthUsername);
        Secret(changes, "auth.password", now.AuthPassword, want.AuthPassword);
        Text(changes, "destination_country", now.DestinationCountry, want.DestinationCountry);
        Map(changes, "headers", now.Headers, want.Headers);
        Text(changes, "media_encryption", Encryption(now.MediaEncryption), Encryption(want.MediaEncryption));
        Text(changes, "metadata", now.Metadata, want.Metadata);
        return changes;
    }

    public static IReadOnlyList<FieldChange> Rule(SipDispatchRuleInfo now, SipDispatchRuleInfo want)
    {
        var changes = new List<FieldChange>();
        Text(changes, "type", RuleText(now.Rule), RuleText(want.Rule));
        Secret(changes, "pin", Pin(now.Rule), Pin(want.Rule));
        Set(changes, "trunks", now.TrunkIds, want.TrunkIds);
        Set(changes, "numbers", now.Numbers, want.Numbers);
        Set(changes, "caller_numbers", now.InboundNumbers, want.InboundNumbers);
        Text(changes, "hide_phone_number", Bool(now.HidePhoneNumber), Bool(want.HidePhoneNumber));
        Text(changes, "metadata", now.Metadata, want.Metadata);
        Map(changes, "attributes", now.Attributes, want.Attributes);
        Text(changes, "room_metadata", now.RoomConfig?.Metadata ?? "", want.RoomConfig?.Metadata ?? "");
        Text(changes, "agent", AgentsText(now.RoomConfig), AgentsText(want.RoomConfig));
        Text(changes, "krisp", Bool(now.KrispEnabled), Bool(want.KrispEnabled));
        return changes;
    }

    /// <summary>The rule's kind and room naming, without the pin (compared as a secret).</summary>
    public static string RuleText(SipDispatchRule? rule) => rule switch
    {
        { DispatchRuleDirect: { } d } => $"direct room={d.RoomName}",
        { DispatchRuleIndividual: { } i } => $"individual prefix={i.RoomPrefix}" + (i.NoRandomness ? " no-random" : ""),
        { DispatchRuleCallee: { } c } => $"callee prefix={c.RoomPrefix}" + (c.Randomize ? " random" : ""),
        _ => "(none)",
    };

    /// <summary>The agents a rule dispatches, as "name metadata=…" (a missing roomConfig and one without agents read the same).</summary>
    private static string AgentsText(RoomConfiguration? config) =>
        string.Join("; ", (config?.Agents ?? []).Select(a => a.Metadata.Length == 0 ? a.AgentName : $"{a.AgentName} metadata={a.Metadata}"));

    private static string Pin(SipDispatchRule? rule) =>
        rule?.DispatchRuleDirect?.Pin ?? rule?.DispatchRuleIndividual?.Pin ?? rule?.DispatchRuleCallee?.Pin ?? "";

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>As voice.yaml writes it.</summary>
    internal static string Encryption(SipMediaEncryption value) => value switch
    {
        SipMediaEncryption.Allow => "allowed",
        SipMediaEncryption.Require => "required",
        _ => "off",
    };

    private static void Text(List<FieldChange> changes, string field, string now, string want)
    {
        if (!string.Equals(now ?? "", want ?? "", StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, Quote(now ?? ""), Quote(want ?? ""), false));
        }
    }

    private static void Secret(List<FieldChange> changes, string field, string now, string want)
    {
        if (!string.Equals(now ?? "", want ?? "", StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, "", "", true));
        }
    }

    private static void Set(List<FieldChange> changes, string field, List<string> now, List<string> want)
    {
        if (!now.ToHashSet(StringComparer.Ordinal).SetEquals(want))
        {
            changes.Add(new FieldChange(field, List(now), List(want), false));
        }
    }

    private static void Map(List<FieldChange> changes, string field, Dictionary<string, string> now, Dictionary<string, string> want)
    {
        if (now.Count != want.Count || now.Any(kv => !want.TryGetValue(kv.Key, out var v) || v != kv.Value))
        {
            changes.Add(new FieldChange(field, JsonSerializer.Serialize(new SortedDictionary<string, string>(now)),
                JsonSerializer.Serialize(new SortedDictionary<string, string>(want)), false));
        }
    }

    private static string List(List<string> items) => "[" + string.Join(", ", items.Order(StringComparer.Ordinal)) + "]";

    private static string Quote(string text) => text.Length == 0 ? "\"\"" : text;
}
