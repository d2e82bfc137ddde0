using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Reads a dialog script from YAML. Every problem is reported with its line:
/// <code>
/// no_match: { en: "Sorry, could you say that again?", ru: "Извините, повторите, пожалуйста." }
/// intents:
///   - name: hours
///     keywords: { en: [opening, hours], ru: [часы, работаете] }
///     reply: { en: "We are open every day.", ru: "Мы работаем каждый день." }
///   - name: operator
///     keywords: { en: [operator, human], ru: [оператор] }
///     reply: { en: "Connecting you to an operator.", ru: "Соединяю с оператором." }
///     action: transfer        # none | transfer | end_call
///     key: "0"                # optional: the telephone key that chooses it
/// menu: { ru: "Часы работы — нажмите 1. Оператор — 0." }   # optional: said when no recogniser hears the language
/// </code>
/// </summary>
public static class DialogScriptLoader
{
    /// <summary>The built-in dialog (default-dialog.yaml, embedded in the assembly).</summary>
    public static DialogScript LoadDefault()
    {
        using var stream = typeof(DialogScriptLoader).Assembly.GetManifestResourceStream("VoiceFunctions.MediaHost.default-dialog.yaml")
            ?? throw new InvalidOperationException("the built-in dialog default-dialog.yaml is not embedded in the assembly");
        return Load(new StreamReader(stream).ReadToEnd(), "default-dialog.yaml");
    }

    public static DialogScript Load(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Error(sourceName, e.Start.Line, "invalid YAML: " + e.Message);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(sourceName, 1, "the script must be a mapping with 'intents' and 'no_match'");
        }
        var intents = new List<DialogIntent>();
        IReadOnlyDictionary<string, string>? noMatch = null;
        IReadOnlyDictionary<string, string> menu = new Dictionary<string, string>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "no_match":
                    noMatch = TextPerLanguage(value, sourceName, "no_match");
                    break;
                case "menu":
                    menu = TextPerLanguage(value, sourceName, "menu");
                    break;
                case "intents":
                    if (value is not YamlSequenceNode list)
                    {
                        throw Error(sourceName, value.Start.Line, "'intents' must be a list");
                    }
                    foreach (var item in list)
                    {
                        intents.Add(Intent(item, sourceName));
                    }
                    break;
                default:
                    throw Error(sourceName, keyNode.Start.Line, $"unknown key '{key}' (expected 'intents', 'no_match' or 'menu')");
            }
        }
        if (noMatch is null)
        {
            throw Error(sourceName, root.Start.Line, "'no_match' (the reply when no intent matches) is required");
        }
        var duplicate = intents.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Error(sourceName, root.Start.Line, $"intent name '{duplicate.Key}' is used twice");
        }
        var sharedKey = intents.Where(i => i.Key is not null).GroupBy(i => i.Key).FirstOrDefault(g => g.Count() > 1);
        if (sharedKey is not null)
        {
            throw Error(sourceName, root.Start.Line, $"key '{sharedKey.Key}' chooses both '{sharedKey.First().Name}' and '{sharedKey.Skip(1).First().Name}'");
        }
        return new DialogScript(intents, noMatch) { Menu = menu };
    }

    private static DialogIntent Intent(YamlNode node, string source)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(source, node.Start.Line, "each intent must be a mapping with name, keywords and reply");
        }
        string? name = null;
        Dictionary<string, IReadOnlyList<string>>? keywords = null;
        Dictionary<string, IReadOnlyList<string>> phrases = [];
        IReadOnlyDictionary<string, string>? reply = null;
        var action = DialogAction.None;
        string? dtmfKey = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "name":
                    name = Scalar(value, source, "name");
                    break;
                case "reply":
                    reply = TextPerLanguage(value, source, "reply");
                    break;
                case "action":
                    action = Scalar(value, source, "action") switch
                    {
                        "none" => DialogAction.None,
                        "transfer" => DialogAction.Transfer,
                        "end_call" => DialogAction.EndCall,
                        var other => throw Error(source, value.Start.Line, $"unknown action '{other}' (expected none, transfer or end_call)"),
                    };
                    break;
                case "keywords":
                    keywords = ListPerLanguage(value, source, "keywords", "keyword");
                    break;
                case "phrases":
                    phrases = ListPerLanguage(value, source, "phrases", "phrase");
                    break;
                case "key":
                    dtmfKey = Scalar(value, source, "key");
                    if (dtmfKey.Length != 1 || !(char.IsAsciiDigit(dtmfKey[0]) || dtmfKey[0] is '*' or '#'))
                    {
                        throw Error(source, value.Start.Line, $"key '{dtmfKey}' must be one telephone key: 0-9, * or #");
                    }
                    break;
                default:
                    throw Error(source, keyNode.Start.Line, $"unknown intent key '{key}' (expected name, keywords, phrases, reply, action, key)");
            }
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Error(source, map.Start.Line, "intent without a name");
        }
        if (keywords is null || keywords.Count == 0)
        {
            throw Error(source, map.Start.Line, $"intent '{name}' has no keywords");
        }
        if (reply is null)
        {
            throw Error(source, map.Start.Line, $"intent '{name}' has no reply");
        }
        return new DialogIntent(name, keywords, reply, action) { Phrases = phrases, Key = dtmfKey };
    }

    private static Dictionary<string, IReadOnlyList<string>> ListPerLanguage(YamlNode node, string source, string what, string item)
    {
        if (node is not YamlMappingNode perLanguage)
        {
            throw Error(source, node.Start.Line, $"'{what}' must map a language to a list, e.g. {{ en: [hours], ru: [часы] }}");
        }
        var lists = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (lang, words) in perLanguage.Children)
        {
            if (words is not YamlSequenceNode seq || seq.Children.Count == 0)
            {
                throw Error(source, words.Start.Line, $"{what} for '{lang}' must be a non-empty list");
            }
            lists[((YamlScalarNode)lang).Value!] = seq.Children.Select(w => Scalar(w, source, item).ToLowerInvariant()).ToList();
        }
        return lists;
    }

    private static IReadOnlyDictionary<string, string> TextPerLanguage(YamlNode node, string source, string what)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            throw Error(source, node.Start.Line, $"'{what}' must map a language to text, e.g. {{ en: \"...\", ru: \"...\" }}");
        }
        return map.Children.ToDictionary(kv => Scalar(kv.Key, source, "language"), kv => Scalar(kv.Value, source, what));
    }

    private static string Scalar(YamlNode node, string source, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(source, node.Start.Line, $"'{what}' must be a non-empty text");

    private static FormatException Error(string source, long line, string message) => new($"{source}:{line}: {message}");
}
