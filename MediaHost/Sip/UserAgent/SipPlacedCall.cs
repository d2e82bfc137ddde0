using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>A call being placed: its signalling leg (INVITE sent) and the media session reserved for it.</summary>
public sealed record SipPlacedCall(ISipOutboundLeg Leg, IMediaSession Media);
