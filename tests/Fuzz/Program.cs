using SharpFuzz;
using VoiceFunctions.Fuzz;

// Usage: VoiceFunctions.Fuzz sip|sdp|tls-stream|srtp [file]
// Without a file it runs under afl-fuzz (SharpFuzz's forkserver); with a file it runs that one input once, so a
// crash that afl-fuzz found can be replayed under a debugger or in a plain terminal.
if (args.Length is < 1 or > 2 || args[0] is not ("sip" or "sdp" or "tls-stream" or "srtp"))
{
    Console.Error.WriteLine("usage: VoiceFunctions.Fuzz sip|sdp|tls-stream|srtp [input-file]");
    return 2;
}
Action<ReadOnlySpan<byte>> target = args[0] switch
{
    "sip" => SipTarget.Run,
    "sdp" => SdpTarget.Run,
    "tls-stream" => TlsStreamTarget.Run,
    _ => SrtpTarget.Run,
};
if (args.Length == 2)
{
    target(File.ReadAllBytes(args[1]));
    Console.WriteLine("no invariant violated");
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    target(memory.GetBuffer().AsSpan(0, (int)memory.Length));
});
return 0;
