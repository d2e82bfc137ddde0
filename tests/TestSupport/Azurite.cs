using System.Net.Sockets;

namespace VoiceFunctions.TestSupport;

/// <summary>The Azurite emulator that ./test.sh starts on loopback (tables on 10002, blobs on 10000).</summary>
public static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Skips locally or fails in CI when Azurite's Table endpoint does not answer.</summary>
    public static string RequireRunning()
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", 10002);
        }
        catch (SocketException)
        {
            RequiredTool.Missing("Azurite is not listening on 127.0.0.1:10002 (./test.sh starts it; or scripts/test-services.sh start)");
        }
        return ConnectionString;
    }
}
