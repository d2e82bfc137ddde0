using System.Text;

namespace VoiceFunctions.MediaHost.Tests.Agent.EndOfTurn;

/// <summary>
/// A test double of an end-of-turn model, written by the test as an ONNX file (no turn model is served here): the
/// protobuf of onnx.proto's ModelProto encoded by hand, field by field. It has the slot's inputs, <c>audio</c> float32
/// [1, samples] and <c>text</c> string [1], and answers sigmoid(40 · mean|audio| · count(text) − 2): about 0.12 for a
/// quiet turn and 0.9 for a loud one. It means nothing about turns; it proves the audio and the words reach ONNX
/// Runtime and its answer comes back.
/// </summary>
internal static class LoudnessEndOfTurnModelDouble
{
    private const int Float = 1, String = 8;

    public static string Write(string folder, bool withText = true)
    {
        var graph = new Proto();
        graph.Message(1, Node("Abs", ["audio"], ["abs"]));
        graph.Message(1, Node("ReduceMean", ["abs"], ["mean"], new Proto().String(1, "keepdims").Int(3, 0).Int(20, 2)));
        if (withText)
        {
            graph.Message(1, Node("Shape", ["text"], ["texts"]));
            graph.Message(1, Node("Cast", ["texts"], ["texts_f"], new Proto().String(1, "to").Int(3, Float).Int(20, 2)));
            graph.Message(1, Node("Mul", ["mean", "texts_f"], ["loudness"]));
        }
        else
        {
            graph.Message(1, Node("Identity", ["mean"], ["loudness"]));
        }
        graph.Message(1, Node("Mul", ["loudness", "gain"], ["scaled"]));
        graph.Message(1, Node("Sub", ["scaled", "bias"], ["logit"]));
        graph.Message(1, Node("Sigmoid", ["logit"], ["end_of_turn"]));
        graph.String(2, "loudness_end_of_turn_double");
        graph.Message(5, Scalar("gain", 40f));
        graph.Message(5, Scalar("bias", 2f));
        graph.Message(11, Input("audio", Float, new Proto().Message(1, new Proto().Int(1, 1)).Message(1, new Proto().String(2, "samples"))));
        if (withText)
        {
            graph.Message(11, Input("text", String, new Proto().Message(1, new Proto().Int(1, 1))));
        }
        graph.Message(12, Input("end_of_turn", Float, null));
        var model = new Proto().Int(1, 8).String(2, "voicefunctions-tests").Message(7, graph).Message(8, new Proto().String(1, "").Int(2, 13));
        var path = Path.Combine(folder, withText ? "end-of-turn-double.onnx" : "end-of-turn-double-no-text.onnx");
        File.WriteAllBytes(path, model.ToArray());
        return path;
    }

    private static Proto Node(string op, string[] inputs, string[] outputs, Proto? attribute = null)
    {
        var node = new Proto();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }
        foreach (var output in outputs)
        {
            node.String(2, output);
        }
        node.String(3, op + "_" + outputs[0]).String(4, op);
        return attribute is null ? node : node.Message(5, attribute);
    }

    private static Proto Scalar(string name, float value) =>
        new Proto().Int(2, Float).Bytes(9, BitConverter.GetBytes(value)).String(8, name);

    private static Proto Input(string name, int elementType, Proto? shape)
    {
        var tensor = new Proto().Int(1, elementType);
        if (shape is not null)
        {
            tensor.Message(2, shape);
        }
        return new Proto().String(1, name).Message(2, new Proto().Message(1, tensor));
    }

    /// <summary>Protocol buffers' wire format, only what ModelProto needs: varints, strings, bytes, nested messages.</summary>
    private sealed class Proto
    {
        private readonly MemoryStream _bytes = new();

        public Proto Int(int field, long value)
        {
            Varint((ulong)(field << 3));
            Varint((ulong)value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public Proto Bytes(int field, byte[] value)
        {
            Varint((ulong)((field << 3) | 2));
            Varint((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.WriteByte((byte)value);
        }
    }
}
