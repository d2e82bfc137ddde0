using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoiceFunctions.Cli.Doctor.Redis;

/// <summary>
/// The keys doctor compares in the SIP bridge's config.yaml and livekit-server's config: redis (address, db),
/// and the bridge's ws_url and api_key. Both files are read leniently, as the services read them.
/// </summary>
public sealed record ServiceConfigFile(string FileName, RedisEndpoint? Redis, string? WsUrl, string? ApiKey)
{
    public static ServiceConfigFile? Load(string path, out string? problem)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            problem = $"{Path.GetFileName(path)} is not YAML: line {e.Start.Line}: {e.Message}";
            return null;
        }
        problem = null;
        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        RedisEndpoint? redis = null;
        if (Child(root, "redis") is YamlMappingNode redisNode)
        {
            var address = Scalar(redisNode, "address");
            var db = int.TryParse(Scalar(redisNode, "db"), out var number) ? number : 0;
            // The line of the "redis:" key itself (the mapping under it starts a line later).
            var keyLine = root!.Children.Keys.OfType<YamlScalarNode>().First(k => k.Value == "redis").Start.Line;
            redis = address is null ? null : new RedisEndpoint(address, db, (int)keyLine);
        }
        return new ServiceConfigFile(Path.GetFileName(path), redis, Scalar(root, "ws_url"), Scalar(root, "api_key"));
    }

    private static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
