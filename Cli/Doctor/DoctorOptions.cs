using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>What doctor was asked to check: the files it may read, the timeout, extra trust anchors and the selection.</summary>
public sealed record DoctorOptions(
    FileInfo? File,
    TimeSpan Timeout,
    DoctorSelection Selection,
    FileInfo? BridgeConfig = null,
    FileInfo? ServerConfig = null,
    FileInfo? MediaHostSettings = null,
    X509Certificate2Collection? ExtraRoots = null);
