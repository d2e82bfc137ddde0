namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>Which side set the dialog up: the peer called us, or we called the peer.</summary>
public enum DialogLeg
{
    Received,
    Placed,
}
