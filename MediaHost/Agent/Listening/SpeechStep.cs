namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The speech detector's verdict on one frame: whether the caller spoke, and what the endpointer concluded.</summary>
internal readonly record struct SpeechStep(bool IsSpeech, EndpointEvent Endpoint);
