namespace VoiceFunctions.Shared.LiveKit.Api.Clients;

/// <summary>The empty response of methods that return nothing ("{}"); any fields are ignored.</summary>
internal sealed class Empty
{
}
