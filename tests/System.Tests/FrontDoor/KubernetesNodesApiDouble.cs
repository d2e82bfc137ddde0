using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// A double of the Kubernetes API's node list (GET /api/v1/nodes?labelSelector=..., written here from the API's
/// documented NodeList shape, not a real API server) on loopback HTTP: it answers 401 without the expected bearer
/// token and lists only the nodes whose labels match the selector. Tests change <see cref="Nodes"/> as a cluster scales.
/// </summary>
internal sealed class KubernetesNodesApiDouble : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public KubernetesNodesApiDouble(string token)
    {
        Token = token;
        Url = $"http://127.0.0.1:{FreePort.Next()}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public string Token { get; }

    private volatile IReadOnlyList<(string Name, string Label, string InternalIp, bool Ready)> _nodes = [];

    /// <summary>The cluster's nodes: name, label "key=value", internal IP, Ready.</summary>
    public IReadOnlyList<(string Name, string Label, string InternalIp, bool Ready)> Nodes
    {
        get => _nodes;
        set => _nodes = value;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var response = context.Response;
            if (context.Request.Headers["Authorization"] != "Bearer " + Token)
            {
                response.StatusCode = 401;
                continue;
            }
            if (context.Request.Url!.AbsolutePath != "/api/v1/nodes")
            {
                response.StatusCode = 404;
                continue;
            }
            var selector = context.Request.QueryString["labelSelector"];
            var items = new JsonArray(Nodes.Where(n => n.Label == selector).Select(n => (JsonNode)Node(n)).ToArray());
            var body = Encoding.UTF8.GetBytes(new JsonObject { ["kind"] = "NodeList", ["apiVersion"] = "v1", ["items"] = items }.ToJsonString());
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(body);
        }
    }

    private static JsonObject Node((string Name, string Label, string InternalIp, bool Ready) node) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = node.Name, ["labels"] = new JsonObject { [node.Label.Split('=')[0]] = node.Label.Split('=')[1] } },
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = node.Ready ? "True" : "False" }),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = node.InternalIp },
                new JsonObject { ["type"] = "Hostname", ["address"] = node.Name }),
        },
    };

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
