namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>
/// One line of Corpus/expected.txt: the parse verdict of a corpus file as a datagram (accept, reject, drop), the status
/// a running MediaHost answers it with over UDP and over TCP (null: no answer), and a fragment of the parser's reason.
/// </summary>
public sealed record SipCorpusEntry(string File, string Parse, int? Udp, int? Tcp, string Reason)
{
    public override string ToString() => File;
}
