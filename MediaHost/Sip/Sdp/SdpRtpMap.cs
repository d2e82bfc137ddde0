namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>One a=rtpmap (or the implied mapping of a static payload type): PT → encoding/clock/channels.</summary>
public sealed record SdpRtpMap(int PayloadType, string Name, int ClockRate, int Channels, string? FormatParameters);
