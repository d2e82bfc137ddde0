namespace VoiceFunctions.MediaHost.Agent;

/// <summary>An end-of-turn model that keeps per-call state (the caller's audio, answers in flight): the session asks
/// it for one instance per call instead of sharing the registered one.</summary>
public interface IEndOfTurnModelFactory
{
    IEndOfTurnModel ForCall();
}
