using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.Tests.LiveKit.Interop;

internal static class TestJson
{
    /// <summary>Reflection-based, nulls left out: how the tests render grants to compare them.</summary>
    public static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
