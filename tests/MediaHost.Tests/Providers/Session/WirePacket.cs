namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>One PCMU packet on the wire: when it crossed (Stopwatch ticks), which way, and its level in dBFS.</summary>
/// <param name="ToHost">True from the caller to the MediaHost, false from the MediaHost to the caller.</param>
internal readonly record struct WirePacket(long At, bool ToHost, double Dbfs);
