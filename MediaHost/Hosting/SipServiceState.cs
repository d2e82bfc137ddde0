namespace VoiceFunctions.MediaHost.Hosting;

public enum SipServiceState
{
    Starting,
    Running,
    Draining,
    Stopped,
}
