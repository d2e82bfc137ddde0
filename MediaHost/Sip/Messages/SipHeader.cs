namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>One header line as it appeared (after unfolding); the name is canonical for known headers.</summary>
public readonly record struct SipHeader(string Name, string Value);
