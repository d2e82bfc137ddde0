namespace VoiceFunctions.Cli.Simulation;

public enum SimulatedTransport
{
    Udp,
    Tcp,
    Tls,
}
