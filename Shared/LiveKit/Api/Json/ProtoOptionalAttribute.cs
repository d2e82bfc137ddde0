namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>
/// Marks a property that LiveKit's proto declares as <c>optional</c> or as a member of a <c>oneof</c>:
/// its presence carries meaning, so it is sent whenever it is set (even as "" or false) and left out
/// entirely when unset, both in requests and in the loopback test server's full-default responses.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ProtoOptionalAttribute : Attribute
{
}
