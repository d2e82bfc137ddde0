using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The ONNX end-of-turn model slot: owns the loaded <see cref="OnnxEndOfTurnSession"/> and one worker thread (below
/// normal priority: media never waits for it) that judges the pauses calls post, oldest dropped when
/// <see cref="OnnxEndOfTurnOptions.QueueLength"/> are waiting. Each call gets its own <see cref="OnnxEndOfTurnCall"/>.
/// </summary>
public sealed class OnnxEndOfTurnModel : IEndOfTurnModel, IEndOfTurnModelFactory, IDisposable
{
    private readonly OnnxEndOfTurnSession _session;
    private readonly OnnxEndOfTurnOptions _options;
    private readonly EndOfTurnScorerOptions _waits;
    private readonly IEndOfTurnModel _fallback;
    private readonly ILogger _logger;
    private readonly Channel<OnnxEndOfTurnRequest> _requests;
    private readonly Thread _worker;

    public OnnxEndOfTurnModel(OnnxEndOfTurnOptions options, EndOfTurnScorerOptions waits, IEndOfTurnModel fallback, ILogger logger)
    {
        _session = OnnxEndOfTurnSession.Load(options.ModelPath);
        _options = options;
        _waits = waits;
        _fallback = fallback;
        _logger = logger;
        _requests = Channel.CreateBounded<OnnxEndOfTurnRequest>(new BoundedChannelOptions(options.QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _worker = new Thread(Work) { IsBackground = true, Name = "end-of-turn model", Priority = ThreadPriority.BelowNormal };
        _worker.Start();
    }

    public IEndOfTurnModel ForCall() => new OnnxEndOfTurnCall(this, _options, _waits, _fallback);

    /// <summary>Shared use without a call's audio: the built-in scorer answers.</summary>
    public TimeSpan AdditionalWait(in EndOfTurnContext context) => _fallback.AdditionalWait(context);

    internal void Post(OnnxEndOfTurnRequest request) => _requests.Writer.TryWrite(request);

    public void Dispose()
    {
        _requests.Writer.TryComplete();
        _worker.Join(TimeSpan.FromSeconds(5));
        _session.Dispose();
    }

    private void Work()
    {
        var reader = _requests.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var request))
            {
                try
                {
                    request.Call.Answer(request, _session.Probability(request.Audio, request.Text));
                }
                catch (Exception e) when (e is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException)
                {
                    EndOfTurnModelLog.RunFailed(_logger, e.Message); // the built-in scorer's answer stands
                }
            }
        }
    }
}
