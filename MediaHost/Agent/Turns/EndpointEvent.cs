namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the endpointer concluded from one frame.</summary>
public enum EndpointEvent
{
    /// <summary>Nothing changed.</summary>
    None,
    /// <summary>The first speech frame after silence: maybe a turn, maybe a cough.</summary>
    SpeechStarted,
    /// <summary>Speech lasted the minimum: this is a turn (the moment barge-in counting can rely on).</summary>
    TurnConfirmed,
    /// <summary>Speech stopped before the minimum length: noise, discarded.</summary>
    SpeechDiscarded,
    /// <summary>The turn ended after enough silence.</summary>
    TurnEndedBySilence,
    /// <summary>The turn ended because it reached the maximum length.</summary>
    TurnEndedByMaxLength,
}
