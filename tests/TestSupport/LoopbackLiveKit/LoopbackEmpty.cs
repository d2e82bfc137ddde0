namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>The empty message LiveKit returns from methods with nothing to say: "{}".</summary>
public sealed class LoopbackEmpty
{
}
