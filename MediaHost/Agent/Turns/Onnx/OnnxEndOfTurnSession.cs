using Microsoft.ML.OnnxRuntime;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The loaded end-of-turn model (see <see cref="OnnxEndOfTurnOptions"/> for its inputs and output): one ONNX Runtime
/// session, checked at load, run by one worker thread at a time.
/// </summary>
public sealed class OnnxEndOfTurnSession : IDisposable
{
    private static readonly string[] InputNames = ["audio", "text"];
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly RunOptions _run = new();

    private OnnxEndOfTurnSession(InferenceSession session)
    {
        _session = session;
        _outputNames = [session.OutputNames[0]];
    }

    /// <summary>Loads and checks the model; throws <see cref="InvalidDataException"/> naming the file and what is wrong.</summary>
    public static OnnxEndOfTurnSession Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"AiLoop:{OnnxEndOfTurnOptions.SectionName}:ModelPath: no file at '{path}'");
        }
        // One thread per run: a pause is judged once or twice, and the media path keeps the other core.
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        InferenceSession session;
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"AiLoop:{OnnxEndOfTurnOptions.SectionName}:ModelPath: '{path}' is not a loadable ONNX model ({e.Message})", e);
        }
        try
        {
            Expect(session.InputMetadata, "audio", typeof(float), path);
            Expect(session.InputMetadata, "text", typeof(string), path);
            var output = session.OutputMetadata.Values.FirstOrDefault();
            if (output is null || output.ElementType != typeof(float))
            {
                throw new InvalidDataException($"'{path}': the first output must be a float32 probability (the end-of-turn model slot)");
            }
            return new OnnxEndOfTurnSession(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The probability that the turn is complete, for <paramref name="audio"/> (16 kHz, [-1, 1]) and <paramref name="text"/>.</summary>
    public float Probability(float[] audio, string text)
    {
        using var audioValue = OrtValue.CreateTensorValueFromMemory(audio, [1, audio.Length]);
        using var textValue = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [1]);
        textValue.StringTensorSetElementAt(text.AsSpan(), 0);
        using var outputs = _session.Run(_run, InputNames, [audioValue, textValue], _outputNames);
        var probability = outputs[0].GetTensorDataAsSpan<float>();
        return probability.Length == 0 ? float.NaN : probability[0];
    }

    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }

    private static void Expect(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, Type type, string path)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new InvalidDataException($"'{path}' has no input '{name}' (has {string.Join(", ", nodes.Keys)}); the end-of-turn model slot feeds 'audio' (float32 [1, samples]) and 'text' (string [1])");
        }
        if (node.ElementType != type)
        {
            throw new InvalidDataException($"'{path}': input '{name}' holds {node.ElementType.Name}, the slot feeds {type.Name}");
        }
    }
}
