using BenchmarkDotNet.Attributes;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Benchmarks.LiveKit;

/// <summary>
/// Webhook verify + parse (JWT signature and times, body SHA-256, typed event) over 1,000 signed
/// deliveries; one operation = one delivery. Compare with the Node SDK via bench/livekit-webhooks.sh.
/// </summary>
[MemoryDiagnoser]
public class WebhookReceiveBenchmarks
{
    private const int Deliveries = 1000;
    private WebhookCorpus _corpus = null!;
    private WebhookReceiver _receiver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = WebhookCorpus.Load();
        if (_corpus.Deliveries.Length != Deliveries)
        {
            throw new InvalidOperationException($"expected {Deliveries} deliveries, got {_corpus.Deliveries.Length}");
        }
        _receiver = new WebhookReceiver(_corpus.Credentials, TimeProvider.System);
        foreach (var (body, authorization) in _corpus.Deliveries)
        {
            var result = _receiver.Receive(body, authorization);
            if (!result.IsValid)
            {
                throw new InvalidOperationException("corpus delivery refused: " + result);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Deliveries)]
    public int VerifyAndParse()
    {
        var accepted = 0;
        foreach (var (body, authorization) in _corpus.Deliveries)
        {
            if (_receiver.Receive(body, authorization).IsValid)
            {
                accepted++;
            }
        }
        return accepted;
    }
}
