namespace VoiceFunctions.MediaHost.Agent;

/// <summary>One pause to judge: the call's audio snapshot and words, tagged with the turn and words it was asked for.</summary>
internal sealed record OnnxEndOfTurnRequest(OnnxEndOfTurnCall Call, int Turn, string Text, float[] Audio);
