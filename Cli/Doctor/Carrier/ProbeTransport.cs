namespace VoiceFunctions.Cli.Doctor.Carrier;

public enum ProbeTransport
{
    Udp,
    Tcp,
    Tls,
}
