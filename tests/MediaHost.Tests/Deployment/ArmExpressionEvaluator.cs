using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// Evaluates the ARM template expressions ("[format('{0}', parameters('x'))]") that a compiled Bicep template
/// holds, for the functions our templates use, so a test can see the values a deployment produces without Azure.
/// Values only Azure knows at deployment time (reference() outputs, uniqueString, resourceGroup()) come from
/// <see cref="DeploymentFacts"/>; an unknown function is an error naming it, never a silent guess.
/// </summary>
public sealed class ArmExpressionEvaluator(ArmScope scope)
{
    /// <summary>A JSON value with every string expression inside it evaluated.</summary>
    public JsonNode? EvaluateNode(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => EvaluateString(text),
        JsonObject map => new JsonObject(map.Select(pair => KeyValuePair.Create(pair.Key, EvaluateNode(pair.Value)))),
        JsonArray list => new JsonArray(list.Select(EvaluateNode).ToArray()),
        _ => node?.DeepClone(),
    };

    public JsonNode? EvaluateString(string text)
    {
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']' || text.StartsWith("[[", StringComparison.Ordinal))
        {
            return JsonValue.Create(text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text);
        }
        var parser = new Parser(text[1..^1], this);
        var result = parser.ParseExpression();
        parser.ExpectEnd();
        // Member access hands out nodes that belong to another object; a copy can be placed anywhere.
        return result?.Parent is null ? result : result.DeepClone();
    }

    private JsonNode? Call(string function, IReadOnlyList<JsonNode?> args) => function.ToLowerInvariant() switch
    {
        "parameters" => scope.Parameter(Text(args[0])),
        "variables" => scope.Variable(Text(args[0]), this),
        "copyindex" => JsonValue.Create(scope.CopyIndex(args.Count > 0 ? Text(args[0]) : "")),
        "format" => JsonValue.Create(Format(Text(args[0]), args.Skip(1).Select(Display).ToArray())),
        "string" => JsonValue.Create(Display(args[0])),
        "concat" => args.All(a => a is JsonArray)
            ? new JsonArray(args.SelectMany(a => ((JsonArray)a!).Select(item => item?.DeepClone())).ToArray())
            : JsonValue.Create(string.Concat(args.Select(Display))),
        "equals" => JsonValue.Create(JsonNode.DeepEquals(args[0], args[1])),
        "not" => JsonValue.Create(!args[0]!.GetValue<bool>()),
        "add" => JsonValue.Create(Number(args[0]) + Number(args[1])),
        "sub" => JsonValue.Create(Number(args[0]) - Number(args[1])),
        "tolower" => JsonValue.Create(Text(args[0]).ToLowerInvariant()),
        "replace" => JsonValue.Create(Text(args[0]).Replace(Text(args[1]), Text(args[2]), StringComparison.Ordinal)),
        "take" => JsonValue.Create(new string(Text(args[0]).Take((int)Number(args[1])).ToArray())),
        "empty" => JsonValue.Create(args[0] switch { null => true, JsonArray a => a.Count == 0, JsonObject o => o.Count == 0, _ => Display(args[0]).Length == 0 }),
        "if" => args[0]!.GetValue<bool>() ? args[1]?.DeepClone() : args[2]?.DeepClone(),
        "length" => JsonValue.Create(args[0] switch { JsonArray a => a.Count, JsonObject o => o.Count, _ => Display(args[0]).Length }),
        "range" => new JsonArray(Enumerable.Range((int)Number(args[0]), (int)Number(args[1])).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        "createarray" => new JsonArray(args.Select(a => a?.DeepClone()).ToArray()),
        "createobject" => new JsonObject(Enumerable.Range(0, args.Count / 2).Select(i => KeyValuePair.Create(Text(args[2 * i]), args[2 * i + 1]?.DeepClone()))),
        "union" => Union(args),
        "items" => new JsonArray(((JsonObject)args[0]!).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => (JsonNode?)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() }).ToArray()),
        "uniquestring" => JsonValue.Create(DeploymentFacts.UniqueString),
        "resourcegroup" => new JsonObject { ["id"] = DeploymentFacts.ResourceGroupId, ["location"] = DeploymentFacts.Location },
        "resourceid" => JsonValue.Create(string.Join('/', args.Select(Display))),
        "reference" => DeploymentFacts.Reference(Display(args[0])),
        "listkeys" => new JsonObject { ["primarySharedKey"] = "<key>" },
        _ => throw new NotSupportedException($"ARM function '{function}' is not known to the test's evaluator"),
    };

    private static JsonObject Union(IReadOnlyList<JsonNode?> args)
    {
        var result = new JsonObject();
        foreach (var map in args.OfType<JsonObject>())
        {
            foreach (var (key, value) in map)
            {
                result[key] = value?.DeepClone();
            }
        }
        return result;
    }

    private static string Format(string pattern, string[] values)
    {
        var result = new StringBuilder(pattern);
        for (var i = 0; i < values.Length; i++)
        {
            result.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", values[i]);
        }
        return result.ToString();
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new FormatException("expected a string argument");

    /// <summary>An integer argument (ARM's numbers are integers), whichever way the JSON value holds it.</summary>
    public static long Number(JsonNode? node) => long.Parse(Display(node), CultureInfo.InvariantCulture);

    /// <summary>How ARM's string() shows a value: strings as they are, numbers invariant, the rest as JSON.</summary>
    public static string Display(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>Recursive descent over ARM's expression grammar: calls, 'strings', numbers, .member and [index].</summary>
    private sealed class Parser(string text, ArmExpressionEvaluator evaluator)
    {
        private int _position;

        public JsonNode? ParseExpression()
        {
            SkipSpaces();
            JsonNode? value;
            if (Peek() == '\'')
            {
                value = JsonValue.Create(ReadString());
            }
            else if (char.IsDigit(Peek()) || Peek() == '-')
            {
                var start = _position++;
                while (char.IsDigit(Peek()))
                {
                    _position++;
                }
                value = JsonValue.Create(long.Parse(text[start.._position], CultureInfo.InvariantCulture));
            }
            else
            {
                var name = ReadIdentifier();
                Expect('(');
                var args = new List<JsonNode?>();
                SkipSpaces();
                while (Peek() != ')')
                {
                    args.Add(ParseExpression());
                    SkipSpaces();
                    if (Peek() == ',')
                    {
                        _position++;
                    }
                }
                Expect(')');
                value = evaluator.Call(name, args);
            }
            while (_position < text.Length && (Peek() == '.' || Peek() == '['))
            {
                if (Peek() == '.')
                {
                    _position++;
                    value = Member(value, ReadIdentifier());
                }
                else
                {
                    _position++;
                    var index = ParseExpression();
                    Expect(']');
                    value = index is JsonValue v && v.TryGetValue<string>(out var key) ? Member(value, key) : ((JsonArray)value!)[(int)Number(index)];
                }
            }
            return value;
        }

        private static JsonNode? Member(JsonNode? value, string name) =>
            (value as JsonObject ?? throw new FormatException($"'.{name}' on a value that is not an object"))
                .FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_position != text.Length)
            {
                throw new FormatException($"unexpected '{text[_position..]}' in expression '{text}'");
            }
        }

        private string ReadString()
        {
            var result = new StringBuilder();
            _position++;
            while (true)
            {
                var c = text[_position++];
                if (c == '\'')
                {
                    if (_position < text.Length && text[_position] == '\'')
                    {
                        result.Append('\'');
                        _position++;
                        continue;
                    }
                    return result.ToString();
                }
                result.Append(c);
            }
        }

        private string ReadIdentifier()
        {
            SkipSpaces();
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }
            return start == _position ? throw new FormatException($"expected a name at {start} in '{text}'") : text[start.._position];
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (Peek() != c)
            {
                throw new FormatException($"expected '{c}' at {_position} in '{text}'");
            }
            _position++;
        }

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private void SkipSpaces()
        {
            while (_position < text.Length && text[_position] == ' ')
            {
                _position++;
            }
        }
    }
}
