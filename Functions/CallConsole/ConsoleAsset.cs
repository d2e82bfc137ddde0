namespace VoiceFunctions.Functions.CallConsole;

/// <summary>One file of the call console: its bytes, its content type and a strong ETag over its content.</summary>
public sealed record ConsoleAsset(string Path, string ContentType, byte[] Content, string ETag);
