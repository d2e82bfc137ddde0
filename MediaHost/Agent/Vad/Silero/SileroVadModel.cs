using Microsoft.ML.OnnxRuntime;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The loaded Silero VAD model (<c>silero_vad.onnx</c>, v5): one ONNX Runtime session shared by every call (Run is
/// thread-safe; each call keeps its own recurrent state). Checks at load that the model has the inputs and outputs this
/// code feeds: <c>input</c> [1, samples] float, <c>state</c> [2, 1, 128] float, <c>sr</c> int64 → <c>output</c> [1, 1]
/// speech probability and <c>stateN</c> (the state for the next window).
/// </summary>
public sealed class SileroVadModel : IDisposable
{
    public const int SampleRate = 16_000;
    /// <summary>Samples the model judges per run at 16 kHz (32 ms).</summary>
    public const int WindowSamples = 512;
    /// <summary>Samples of the previous window prepended to each run, as the model was trained.</summary>
    public const int ContextSamples = 64;
    public const int StateSize = 2 * 1 * 128;

    internal static readonly string[] InputNames = ["input", "state", "sr"];
    internal static readonly string[] OutputNames = ["output", "stateN"];

    private SileroVadModel(InferenceSession session) => Session = session;

    internal InferenceSession Session { get; }

    /// <summary>Loads the model; throws <see cref="InvalidDataException"/> when the file is not the Silero VAD model this code expects.</summary>
    public static SileroVadModel Load(string path)
    {
        // One thread per run: a window is ~0.1 ms of work, and the media path keeps the other core.
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        InferenceSession session;
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{path}: not a loadable ONNX model ({e.Message})", e);
        }
        try
        {
            Expect(session.InputMetadata, "input", typeof(float), path);
            Expect(session.InputMetadata, "state", typeof(float), path);
            Expect(session.InputMetadata, "sr", typeof(long), path);
            Expect(session.OutputMetadata, "output", typeof(float), path);
            Expect(session.OutputMetadata, "stateN", typeof(float), path);
            var state = session.InputMetadata["state"].Dimensions;
            if (state.Length != 3 || state[0] != 2 || state[2] != 128)
            {
                throw new InvalidDataException($"{path}: 'state' has shape [{string.Join(", ", state)}], expected [2, batch, 128] (Silero VAD v5)");
            }
            return new SileroVadModel(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose() => Session.Dispose();

    private static void Expect(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, Type type, string path)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new InvalidDataException($"{path}: the model has no '{name}' (has {string.Join(", ", nodes.Keys)}); expected Silero VAD v5");
        }
        if (node.ElementType != type)
        {
            throw new InvalidDataException($"{path}: '{name}' holds {node.ElementType.Name}, expected {type.Name}");
        }
    }
}
