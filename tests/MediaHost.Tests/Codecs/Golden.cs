using System.Runtime.InteropServices;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Codecs;

/// <summary>Reads the checked-in golden files (see Golden/README.md for how each was made).</summary>
internal static class Golden
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Codecs", "Golden", name));

    public static short[] Samples(string name) => MemoryMarshal.Cast<byte, short>(Bytes(name)).ToArray();
}
