using System.Buffers;
using BenchmarkDotNet.Attributes;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.Benchmarks.Sip;

/// <summary>Parse and serialize the messages of a typical call (<see cref="SipSampleMessages"/>), as datagrams.</summary>
[MemoryDiagnoser]
public class SipParseSerializeBenchmark
{
    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private SipMessage _parsed = null!;

    [GlobalSetup]
    public void Setup() => _parsed = SipParser.ParseDatagram(SipSampleMessages.Invite).Message!;

    [Benchmark]
    public SipMessage ParseInvite() => SipParser.ParseDatagram(SipSampleMessages.Invite).Message!;

    [Benchmark]
    public SipMessage ParseTrying() => SipParser.ParseDatagram(SipSampleMessages.Trying).Message!;

    [Benchmark]
    public SipMessage ParseOk() => SipParser.ParseDatagram(SipSampleMessages.Ok).Message!;

    /// <summary>Parse plus what the user agent reads of every request: Call-ID, CSeq, top Via branch, tags.</summary>
    [Benchmark]
    public int ParseInviteAndReadKeys()
    {
        var message = SipParser.ParseDatagram(SipSampleMessages.Invite).Message!;
        return message.CallId!.Length + message.CSeq!.Value.Number + message.TopVia!.Branch!.Length
            + message.From!.Tag!.Length + (message.To!.Tag is null ? 0 : 1);
    }

    [Benchmark]
    public int SerializeInvite()
    {
        _output.ResetWrittenCount();
        SipSerializer.Write(_parsed, _output);
        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true)]
    public int ParseAndSerializeInvite()
    {
        var message = SipParser.ParseDatagram(SipSampleMessages.Invite).Message!;
        _output.ResetWrittenCount();
        SipSerializer.Write(message, _output);
        return _output.WrittenCount;
    }
}
