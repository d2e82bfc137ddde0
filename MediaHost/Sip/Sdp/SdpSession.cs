using System.Net;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>A parsed session description (RFC 4566), reduced to what audio offer/answer uses.</summary>
public sealed class SdpSession
{
    public string Origin { get; set; } = "";

    public IPAddress? Connection { get; set; }

    /// <summary>Session-level direction, inherited by streams that state none.</summary>
    public MediaDirection? Direction { get; set; }

    public List<SdpMedia> Media { get; } = [];
}
